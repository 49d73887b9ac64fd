package dev.loraguide.experiment;

import dev.loraguide.system.ApiProblemException;

import org.springframework.http.HttpStatus;

/**
 * An outcome was posted for, or an export asked of, a recommendation the service never
 * made.
 */
public class UnknownRecommendationException extends ApiProblemException {

	public UnknownRecommendationException(String id) {
		super(HttpStatus.NOT_FOUND, "unknown_recommendation", null, "no recommendation '" + id + "' was made");
	}

}
