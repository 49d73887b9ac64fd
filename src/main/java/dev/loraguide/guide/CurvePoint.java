package dev.loraguide.guide;

import dev.loraguide.guide.fact.FileSizeEstimate;
import dev.loraguide.guide.fact.TrainingParameters;
import dev.loraguide.guide.fact.Warning;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A guide's answer at one image count, for a dataset with no actor and no overrides.
 *
 * @param imageCount the image count
 * @param preset id of the chosen preset
 * @param presetLabel label of the chosen preset
 * @param parameters recommended training parameters
 * @param estimatedFileSizeMb expected file size, null when the guide gave none
 * @param warnings codes of the warnings given, in the order the rules gave them
 */
public record CurvePoint(int imageCount, String preset, String presetLabel, TrainingParameters parameters,
		FileSizeEstimate estimatedFileSizeMb, List<String> warnings) {

	public CurvePoint {
		warnings = List.copyOf(warnings);
	}

	static CurvePoint of(int imageCount, Evaluation evaluation) {
		return new CurvePoint(imageCount, evaluation.presetId(), evaluation.presetLabel(), evaluation.parameters(),
				evaluation.estimatedFileSizeMb(), evaluation.warnings().stream().map(Warning::code).toList());
	}

	/**
	 * Every output of the answer by its name in the recommendation's JSON, in a fixed
	 * order: what a diff compares.
	 */
	Map<String, Object> outputs() {
		Map<String, Object> outputs = new LinkedHashMap<>();
		outputs.put("preset", this.preset);
		outputs.put("presetLabel", this.presetLabel);
		TrainingParameters p = (this.parameters != null) ? this.parameters : TrainingParameters.NONE;
		outputs.put("maxTrainSteps", p.maxTrainSteps());
		outputs.put("learningRate", p.learningRate());
		outputs.put("networkDim", p.networkDim());
		outputs.put("networkAlpha", p.networkAlpha());
		outputs.put("repeats", p.repeats());
		outputs.put("epochs", p.epochs());
		outputs.put("warmupSteps", p.warmupSteps());
		outputs.put("lrScheduler", p.lrScheduler());
		outputs.put("estimatedFileSizeMb", this.estimatedFileSizeMb);
		outputs.put("warnings", this.warnings);
		return outputs;
	}

}
