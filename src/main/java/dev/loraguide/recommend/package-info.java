/**
 * Recommendations: {@code POST /api/v1/recommendations} turns a request into an
 * actor-dataset fact, evaluates one guide revision against it, answers with the
 * parameters and their provenance, counts and times it, and hands
 * {@link dev.loraguide.recommend.RecommendationMade} to the
 * {@link dev.loraguide.recommend.DecisionRecorder}; the answer goes out once that has
 * recorded it. {@code POST /api/v1/recommendations/batch} does the same for up to 1,000
 * requests in one body, each answered or refused in its own slot.
 */
package dev.loraguide.recommend;
