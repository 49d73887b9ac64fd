package dev.loraguide.decisionlog;

import java.util.UUID;

/**
 * A recommendation as the decision log holds it.
 *
 * @param recommendationId its id
 * @param requestJson the request as JSON
 * @param answerJson the answer as JSON
 */
public record LoggedRecommendation(UUID recommendationId, String requestJson, String answerJson) {
}
