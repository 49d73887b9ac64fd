package dev.loraguide.guide;

import io.swagger.v3.oas.annotations.media.Schema;
import dev.loraguide.guide.fact.TrainingParameters;

/**
 * One preset of a guide and the image counts it is recommended for, as the guide itself
 * answers (see {@link PresetTable}). Parameters are those recommended at
 * {@code fromImages}; epochs are left out because they depend on the exact count.
 *
 * @param preset preset id
 * @param label preset label
 * @param fromImages smallest image count that gets this preset
 * @param toImages largest image count that gets it, null when it reaches the top of the
 * scan
 * @param maxTrainSteps recommended steps
 * @param learningRate recommended learning rate
 * @param networkDim recommended rank
 * @param networkAlpha recommended alpha
 * @param repeats recommended repeats
 * @param warmupSteps recommended warmup steps
 * @param lrScheduler recommended scheduler
 */
public record PresetRow(@Schema(nullable = true) String preset, @Schema(nullable = true) String label, int fromImages,
		@Schema(nullable = true) Integer toImages, @Schema(nullable = true) Integer maxTrainSteps,
		@Schema(nullable = true) Double learningRate, @Schema(nullable = true) Integer networkDim,
		@Schema(nullable = true) Integer networkAlpha, @Schema(nullable = true) Integer repeats,
		@Schema(nullable = true) Integer warmupSteps, @Schema(nullable = true) String lrScheduler) {

	static PresetRow startingAt(int imageCount, Evaluation evaluation) {
		TrainingParameters parameters = evaluation.parameters();
		return new PresetRow(evaluation.presetId(), evaluation.presetLabel(), imageCount, null,
				parameters.maxTrainSteps(), parameters.learningRate(), parameters.networkDim(),
				parameters.networkAlpha(), parameters.repeats(), parameters.warmupSteps(), parameters.lrScheduler());
	}

	PresetRow endingAt(int imageCount) {
		return new PresetRow(this.preset, this.label, this.fromImages, imageCount, this.maxTrainSteps,
				this.learningRate, this.networkDim, this.networkAlpha, this.repeats, this.warmupSteps,
				this.lrScheduler);
	}

}
