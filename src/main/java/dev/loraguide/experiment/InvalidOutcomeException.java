package dev.loraguide.experiment;

import dev.loraguide.system.ApiProblemException;
import dev.loraguide.system.ProblemCode;

/**
 * An outcome whose content bean validation cannot judge, such as a value that is not
 * finite.
 */
class InvalidOutcomeException extends ApiProblemException {

	InvalidOutcomeException(String field, String message) {
		super(ProblemCode.INVALID_FIELD, field, message);
	}

}
