package dev.loraguide.guide;

import dev.loraguide.guide.fact.ActorDataset;
import dev.loraguide.guide.fact.ParameterOverrides;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a compiled guide answers, whatever its numbers: those live in the guide's
 * {@code cases.yaml}, which {@link ShippedGuidesTests} runs case by case.
 */
class EvaluationTests {

	private static Guide guide;

	@BeforeAll
	static void loadGuide() {
		guide = ShippedGuides.load("flux-lora");
	}

	private static Evaluation evaluate(int imageCount) {
		return guide.evaluate(new ActorDataset("a-1", "Jane Doe", imageCount, null), ParameterOverrides.NONE);
	}

	@Test
	void firedRulesAreThoseOfThisEvaluationOnly() {
		Evaluation first = evaluate(23);
		evaluate(75);
		assertThat(evaluate(23).firedRules()).isEqualTo(first.firedRules());
	}

	@Test
	void firedRulesNameTheRulesInTheWordsOfTheFile() {
		assertThat(evaluate(23).firedRules()).isNotEmpty()
			.anySatisfy((rule) -> assertThat(rule).startsWith("Preset " + evaluate(23).presetId() + ":"));
	}

	@Test
	void everyRowOfThePresetTableIsWhatTheGuideAnswersAtItsBounds() {
		assertThat(guide.presetTable().problems()).isEmpty();
		assertThat(guide.presetTable().rows()).isNotEmpty().allSatisfy((row) -> {
			assertThat(evaluate(row.fromImages()).presetId()).isEqualTo(row.preset());
			if (row.toImages() != null) {
				assertThat(evaluate(row.toImages()).presetId()).isEqualTo(row.preset());
				assertThat(evaluate(row.toImages() + 1).presetId()).isNotEqualTo(row.preset());
			}
		});
	}

}
