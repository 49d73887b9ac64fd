package dev.loraguide.experiment;

import dev.loraguide.system.ApiProblemException;

import org.springframework.http.HttpStatus;

/** An outcome was posted for a recommendation the service never made. */
class UnknownRecommendationException extends ApiProblemException {

	UnknownRecommendationException(String id) {
		super(HttpStatus.NOT_FOUND, "unknown_recommendation", null, "no recommendation '" + id + "' was made");
	}

}
