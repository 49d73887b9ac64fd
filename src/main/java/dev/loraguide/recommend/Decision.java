package dev.loraguide.recommend;

import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * An answer made and handed to the decision recorder, not yet sent.
 *
 * @param response the answer
 * @param recorded completes when the decision is recorded; the answer may go out only
 * then
 */
public record Decision(RecommendationResponse response, CompletableFuture<Void> recorded) {

	/**
	 * Waits until every decision is recorded, all within the recorder's bounded wait.
	 * @throws RuntimeException the recorder's refusal (a 503 problem) when one is not
	 */
	public static void awaitRecorded(Collection<Decision> decisions) {
		try {
			CompletableFuture.allOf(decisions.stream().map(Decision::recorded).toArray(CompletableFuture[]::new))
				.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException refusal) {
				throw refusal;
			}
			throw ex;
		}
	}

}
