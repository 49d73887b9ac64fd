package dev.loraguide.recommend;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;

import dev.loraguide.guide.fact.FileSizeEstimate;
import dev.loraguide.guide.fact.TrainingParameters;
import dev.loraguide.guide.fact.Warning;

/**
 * The recommendation, with its provenance: which guide revision produced it and which
 * rules fired.
 *
 * @param recommendationId id to quote when posting outcomes or reading the decision log
 * @param guide guide id and the revision that answered
 * @param experiment the experiment and variant the actor is in, null when not enrolled
 * @param preset chosen preset
 * @param parameters training parameters, overrides included
 * @param triggerToken trigger token, null when the actor has no name
 * @param estimatedFileSizeMb expected LoRA file size
 * @param warnings advice for the person starting the training
 * @param firedRules names of the guide's rules that fired, in firing order
 * @param summary one sentence for a person
 */
public record RecommendationResponse(UUID recommendationId, GuideRevision guide,
		@Schema(nullable = true) ExperimentVariant experiment, Preset preset, TrainingParameters parameters,
		@Schema(nullable = true) String triggerToken, @Schema(nullable = true) FileSizeEstimate estimatedFileSizeMb,
		List<Warning> warnings, List<String> firedRules, String summary) {

	/**
	 * The guide revision that answered.
	 *
	 * @param id guide id
	 * @param revision content hash of its files
	 */
	public record GuideRevision(String id, String revision) {
	}

	/**
	 * The experiment arm that chose the guide.
	 *
	 * @param id experiment id
	 * @param variant variant name
	 */
	@Schema(nullable = true)
	public record ExperimentVariant(String id, String variant) {
	}

	/**
	 * The preset the guide chose.
	 *
	 * @param id preset id
	 * @param label what the preset is for
	 */
	public record Preset(@Schema(nullable = true) String id, @Schema(nullable = true) String label) {
	}

}
