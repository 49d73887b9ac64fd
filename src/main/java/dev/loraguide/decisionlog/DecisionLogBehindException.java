package dev.loraguide.decisionlog;

import java.time.Duration;
import java.util.UUID;

import dev.loraguide.system.ApiProblemException;
import dev.loraguide.system.ProblemCode;

/**
 * An outcome or export asked for a recommendation that is still waiting to be written,
 * and stayed waiting: the database is slow or down. Asking again later works.
 */
class DecisionLogBehindException extends ApiProblemException {

	DecisionLogBehindException(UUID id, Duration waited) {
		super(ProblemCode.DECISION_LOG_BEHIND, null, "recommendation '" + id
				+ "' is not written to the decision log yet after " + waited + "; try again later");
	}

}
