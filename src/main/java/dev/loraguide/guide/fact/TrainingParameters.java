package dev.loraguide.guide.fact;

import java.util.ArrayList;
import java.util.List;

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

	/** The names of the parameters left without a value, in declaration order. */
	public List<String> unset() {
		List<String> unset = new ArrayList<>(0);
		addIfNull(unset, "maxTrainSteps", this.maxTrainSteps);
		addIfNull(unset, "learningRate", this.learningRate);
		addIfNull(unset, "networkDim", this.networkDim);
		addIfNull(unset, "networkAlpha", this.networkAlpha);
		addIfNull(unset, "repeats", this.repeats);
		addIfNull(unset, "epochs", this.epochs);
		addIfNull(unset, "warmupSteps", this.warmupSteps);
		addIfNull(unset, "lrScheduler", this.lrScheduler);
		return unset;
	}

	private static void addIfNull(List<String> names, String name, Object value) {
		if (value == null) {
			names.add(name);
		}
	}

}
