package dev.loraguide.guide.fact;

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
public record TrainingParameters(Integer maxTrainSteps, Double learningRate, Integer networkDim, Integer networkAlpha,
		Integer repeats, Integer epochs, Integer warmupSteps, String lrScheduler) {

	public static final TrainingParameters NONE = new TrainingParameters(null, null, null, null, null, null, null,
			null);

}
