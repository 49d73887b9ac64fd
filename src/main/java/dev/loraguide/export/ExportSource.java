package dev.loraguide.export;

import java.util.UUID;

import dev.loraguide.guide.fact.TrainingParameters;

/**
 * What an export is made from: a recommendation's parameters and provenance, whether it
 * was just made, read back from the decision log or evaluated offline.
 *
 * @param guideId guide that answered
 * @param guideRevision revision of that guide
 * @param recommendationId the recommendation, null for an offline evaluation
 * @param imageCount the dataset's image count
 * @param triggerToken trigger token, null when the actor had no name
 * @param parameters the training parameters
 */
public record ExportSource(String guideId, String guideRevision, UUID recommendationId, int imageCount,
		String triggerToken, TrainingParameters parameters) {
}
