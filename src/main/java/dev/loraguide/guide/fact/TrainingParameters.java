package dev.loraguide.guide.fact;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The training parameters of a recommendation. A component is null when the guide left it
 * open.
 *
 * @param maxTrainSteps total optimisation steps
 * @param learningRate base learning rate
 * @param networkDim LoRA rank
 * @param networkAlpha LoRA alpha
 * @param repeats how often each image is seen per epoch
 * @param epochs passes over the (repeated) image set
 * @param warmupSteps steps of learning-rate warmup
 * @param lrScheduler learning-rate scheduler name
 */
public record TrainingParameters(@Schema(nullable = true) Integer maxTrainSteps,
		@Schema(nullable = true) Double learningRate, @Schema(nullable = true) Integer networkDim,
		@Schema(nullable = true) Integer networkAlpha, @Schema(nullable = true) Integer repeats,
		@Schema(nullable = true) Integer epochs, @Schema(nullable = true) Integer warmupSteps,
		@Schema(nullable = true) String lrScheduler) {

	public static final TrainingParameters NONE = new TrainingParameters(null, null, null, null, null, null, null,
			null);

}
