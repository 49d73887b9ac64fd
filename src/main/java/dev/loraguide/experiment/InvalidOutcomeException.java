package dev.loraguide.experiment;

import dev.loraguide.system.ApiProblemException;

import org.springframework.http.HttpStatus;

/**
 * An outcome whose content bean validation cannot judge, such as a value that is not
 * finite.
 */
class InvalidOutcomeException extends ApiProblemException {

	InvalidOutcomeException(String field, String message) {
		super(HttpStatus.BAD_REQUEST, "invalid_field", field, message);
	}

}
