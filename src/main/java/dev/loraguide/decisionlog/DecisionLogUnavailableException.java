package dev.loraguide.decisionlog;

import java.time.Duration;

import dev.loraguide.system.ApiProblemException;
import dev.loraguide.system.ProblemCode;

/**
 * Acknowledged mode: the decision could not be committed within the bounded wait (the
 * database is down or too slow, or the queue is full), so the recommendation is not
 * answered. Asking again later works.
 */
class DecisionLogUnavailableException extends ApiProblemException {

	private final Duration retryAfter;

	DecisionLogUnavailableException(String why, Duration retryAfter) {
		super(ProblemCode.DECISION_LOG_UNAVAILABLE, null,
				"the decision could not be recorded: " + why + "; ask again later");
		this.retryAfter = retryAfter;
	}

	@Override
	public Duration retryAfter() {
		return this.retryAfter;
	}

}
