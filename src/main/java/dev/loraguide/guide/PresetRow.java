package dev.loraguide.guide;

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
public record PresetRow(String preset, String label, int fromImages, Integer toImages, Integer maxTrainSteps,
		Double learningRate, Integer networkDim, Integer networkAlpha, Integer repeats, Integer warmupSteps,
		String lrScheduler) {

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
