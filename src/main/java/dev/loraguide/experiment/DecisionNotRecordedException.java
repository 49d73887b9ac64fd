package dev.loraguide.experiment;

import java.util.UUID;

import dev.loraguide.system.ApiProblemException;

import org.springframework.http.HttpStatus;

/**
 * An outcome was posted for a recommendation the decision log had to drop (see the
 * {@code lora.decisionlog.dropped} counter), so there is no decision to attach it to.
 */
class DecisionNotRecordedException extends ApiProblemException {

	DecisionNotRecordedException(UUID id) {
		super(HttpStatus.CONFLICT, "decision_not_recorded", null, "recommendation '" + id
				+ "' was made but the decision log was full and dropped it; it takes no outcomes");
	}

}
