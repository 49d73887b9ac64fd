package dev.loraguide.decisionlog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.loraguide.guide.fact.FileSizeEstimate;
import dev.loraguide.guide.fact.ParameterOverrides;
import dev.loraguide.guide.fact.TrainingParameters;
import dev.loraguide.recommend.Actor;
import dev.loraguide.recommend.Dataset;
import dev.loraguide.recommend.RecommendationMade;
import dev.loraguide.recommend.RecommendationRequest;
import dev.loraguide.recommend.RecommendationResponse;

/** Recommendations as the recommender publishes them, for storage tests. */
final class Decisions {

	private Decisions() {
	}

	static RecommendationMade notEnrolled(String actorId) {
		return made(actorId, null, null, false);
	}

	static RecommendationMade enrolled(String actorId, String experiment, String variant) {
		return made(actorId, experiment, variant, false);
	}

	static RecommendationMade forced(String actorId, String experiment, String variant) {
		return made(actorId, experiment, variant, true);
	}

	private static RecommendationMade made(String actorId, String experiment, String variant, boolean forced) {
		RecommendationRequest request = new RecommendationRequest(new Actor(actorId, "Ann"), new Dataset(20), null,
				ParameterOverrides.NONE);
		RecommendationResponse response = new RecommendationResponse(UUID.randomUUID(),
				new RecommendationResponse.GuideRevision("flux-lora", "6345a164f738ed32"),
				(experiment != null) ? new RecommendationResponse.ExperimentVariant(experiment, variant) : null,
				new RecommendationResponse.Preset("B", "Standard (the default)"),
				new TrainingParameters(2000, 0.00025, 16, 8, 2, 50, 400, "cosine"), "Ann", new FileSizeEstimate(12, 15),
				List.of(), List.of("Preset B: 16 to 30 images"), "Preset B for 20 images.");
		return new RecommendationMade(Instant.parse("2026-11-25T10:15:30.123456Z"), request, response, forced);
	}

}
