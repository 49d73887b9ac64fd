package dev.loraguide.experiment;

import java.util.UUID;

/**
 * An outcome as recorded.
 *
 * @param recommendationId the recommendation the training followed
 * @param metric metric name
 * @param value metric value
 */
record Outcome(UUID recommendationId, String metric, double value) {
}
