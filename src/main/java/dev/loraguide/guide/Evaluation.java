package dev.loraguide.guide;

import dev.loraguide.guide.fact.TrainingParameters;
import dev.loraguide.guide.fact.TrainingPlan;
import dev.loraguide.guide.fact.FileSizeEstimate;
import dev.loraguide.guide.fact.Warning;

import java.util.List;

/**
 * What one evaluation of a guide produced, read off the {@link TrainingPlan} once no rule
 * is left to fire.
 *
 * @param presetId id of the chosen preset, null when no preset rule matched
 * @param presetLabel label of the chosen preset
 * @param presetClaims every preset id a rule tried to choose, in firing order; more than
 * one means the guide's preset conditions overlap
 * @param parameters recommended training parameters
 * @param triggerToken token the LoRA is triggered by, null when the guide gave none
 * @param estimatedFileSizeMb expected file size, null when the guide gave none
 * @param warnings advice in the order the rules gave it
 * @param firedRules names of the rules that fired, in firing order
 */
public record Evaluation(String presetId, String presetLabel, List<String> presetClaims, TrainingParameters parameters,
		String triggerToken, FileSizeEstimate estimatedFileSizeMb, List<Warning> warnings, List<String> firedRules) {

	static Evaluation of(TrainingPlan plan, List<String> firedRules) {
		return new Evaluation(plan.getPresetId(), plan.getPresetLabel(), plan.presetClaims(), plan.parameters(),
				plan.getTriggerToken(), plan.getEstimatedFileSizeMb(), plan.getWarnings(), List.copyOf(firedRules));
	}

}
