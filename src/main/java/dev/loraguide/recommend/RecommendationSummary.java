package dev.loraguide.recommend;

import dev.loraguide.system.PlainDecimal;

import java.util.ArrayList;
import java.util.List;

import dev.loraguide.guide.Evaluation;
import dev.loraguide.guide.fact.TrainingParameters;

/**
 * Writes the one-sentence summary of a recommendation, the line a training UI shows when
 * it fills in the parameters.
 */
final class RecommendationSummary {

	private RecommendationSummary() {
	}

	static String of(Evaluation evaluation, int imageCount) {
		TrainingParameters p = evaluation.parameters();
		List<String> parts = new ArrayList<>();
		if (p.maxTrainSteps() != null) {
			parts.add(p.maxTrainSteps() + " steps");
		}
		if (p.learningRate() != null) {
			parts.add("learning rate " + PlainDecimal.of(p.learningRate())
					+ ((p.lrScheduler() != null) ? " (" + p.lrScheduler() + " scheduler)" : ""));
		}
		if (p.networkDim() != null && p.networkAlpha() != null) {
			parts.add("rank/alpha " + p.networkDim() + "/" + p.networkAlpha());
		}
		if (p.repeats() != null) {
			parts.add(p.repeats() + ((p.repeats() == 1) ? " repeat" : " repeats"));
		}
		if (p.epochs() != null) {
			parts.add(p.epochs() + ((p.epochs() == 1) ? " epoch" : " epochs"));
		}
		if (p.warmupSteps() != null) {
			parts.add(p.warmupSteps() + " warmup steps");
		}
		String preset = (evaluation.presetId() != null)
				? "Preset " + evaluation.presetId() + " (" + evaluation.presetLabel() + ")" : "No preset";
		return preset + " for " + imageCount + ((imageCount == 1) ? " image: " : " images: ") + String.join(", ", parts)
				+ ".";
	}

}
