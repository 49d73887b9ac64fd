package dev.loraguide.recommend;

import java.time.Instant;

/**
 * Made for every recommendation and handed to the {@link DecisionRecorder}.
 *
 * @param madeAt when the answer was made
 * @param request the request as received
 * @param response the answer as sent; its guide revision and experiment variant are the
 * provenance
 * @param forcedVariant whether the experiments file forced the actor's variant rather
 * than the hash choosing it (false when not enrolled)
 */
public record RecommendationMade(Instant madeAt, RecommendationRequest request, RecommendationResponse response,
		boolean forcedVariant) {
}
