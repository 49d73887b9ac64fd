package dev.loraguide.recommend;

import java.time.Instant;

/**
 * Published after every recommendation, for whoever records decisions.
 *
 * @param madeAt when the answer was made
 * @param request the request as received
 * @param response the answer as sent
 */
public record RecommendationMade(Instant madeAt, RecommendationRequest request, RecommendationResponse response) {
}
