package dev.loraguide.experiment;

import dev.loraguide.system.ApiProblemException;
import dev.loraguide.system.CallerInput;
import dev.loraguide.system.ProblemCode;

/**
 * An outcome was posted for, or an export asked of, a recommendation the service never
 * made.
 */
public class UnknownRecommendationException extends ApiProblemException {

	public UnknownRecommendationException(String id) {
		super(ProblemCode.UNKNOWN_RECOMMENDATION, null, "no recommendation " + CallerInput.quote(id) + " was made");
	}

}
