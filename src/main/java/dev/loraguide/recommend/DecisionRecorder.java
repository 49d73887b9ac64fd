package dev.loraguide.recommend;

import java.util.concurrent.CompletableFuture;

/**
 * Whoever records decisions (the decision log). A recommendation is answered only once
 * the completion its decision got here has completed; a batch waits for all of its
 * decisions' completions together, so they can share one commit.
 */
public interface DecisionRecorder {

	/**
	 * Takes a decision to record.
	 * @param made the decision
	 * @return completes normally once the decision is recorded as far as the configured
	 * durability requires, or exceptionally (with an
	 * {@link dev.loraguide.system.ApiProblemException} the caller may get) within a
	 * bounded time when it cannot be
	 */
	CompletableFuture<Void> record(RecommendationMade made);

}
