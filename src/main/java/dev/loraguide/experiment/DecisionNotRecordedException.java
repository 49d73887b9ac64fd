package dev.loraguide.experiment;

import java.util.UUID;

import dev.loraguide.system.ApiProblemException;
import dev.loraguide.system.ProblemCode;

/**
 * An outcome was posted for a recommendation the decision log had to drop (see the
 * {@code lora.decisionlog.dropped} counter), so there is no decision to attach it to.
 */
class DecisionNotRecordedException extends ApiProblemException {

	DecisionNotRecordedException(UUID id) {
		super(ProblemCode.DECISION_NOT_RECORDED, null, "recommendation '" + id
				+ "' was made but the decision log was full and dropped it; it takes no outcomes");
	}

}
