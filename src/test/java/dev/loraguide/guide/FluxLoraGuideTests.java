package dev.loraguide.guide;

import dev.loraguide.guide.fact.TrainingParameters;
import dev.loraguide.guide.fact.ActorDataset;
import dev.loraguide.guide.fact.FileSizeEstimate;
import dev.loraguide.guide.fact.Warning;
import dev.loraguide.guide.fact.ParameterOverrides;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The flux-lora guide recommends exactly what docs/guides/flux-lora.md says: every row,
 * every boundary, the derived values and the warning.
 */
class FluxLoraGuideTests {

	private static Guide guide;

	@BeforeAll
	static void loadGuide() {
		guide = ShippedGuides.load("flux-lora");
	}

	private static Evaluation evaluate(int imageCount) {
		return guide.evaluate(new ActorDataset("a-1", "Jane Doe", imageCount, null), ParameterOverrides.NONE);
	}

	@ParameterizedTest(name = "{0} images get preset {1}")
	@CsvSource({ "1, A", "15, A", "16, B", "23, B", "30, B", "31, C", "60, C", "61, XL", "75, XL", "1000, XL",
			"100000, XL" })
	void imageCountChoosesThePresetOfItsRow(int imageCount, String preset) {
		assertThat(evaluate(imageCount).presetId()).isEqualTo(preset);
	}

	@ParameterizedTest(name = "preset {1} at {0} images")
	@CsvSource({ "10, A, Small dataset (conservative), 1500, 0.0002, 2, 300",
			"20, B, Standard (the default), 2000, 0.00025, 2, 400",
			"40, C, Large dataset (gentle), 2500, 0.00015, 1, 500",
			"80, XL, Very large dataset, 3000, 0.0001, 1, 600" })
	void presetRecommendsTheParametersOfItsRow(int imageCount, String preset, String label, int steps,
			double learningRate, int repeats, int warmup) {
		Evaluation evaluation = evaluate(imageCount);
		assertThat(evaluation.presetLabel()).isEqualTo(label);
		assertThat(evaluation.parameters()).isEqualTo(new TrainingParameters(steps, learningRate, 16, 8, repeats,
				evaluation.parameters().epochs(), warmup, "cosine"));
	}

	@ParameterizedTest(name = "{0} images train for {1} epochs")
	@CsvSource({ "15, 50", "23, 43", "50, 50", "75, 40" })
	void epochsFollowTheSeedExamples(int imageCount, int epochs) {
		assertThat(evaluate(imageCount).parameters().epochs()).isEqualTo(epochs);
	}

	@Test
	void epochsNeverDropBelowOne() {
		assertThat(evaluate(100_000).parameters().epochs()).isEqualTo(1);
	}

	@Test
	void estimatedFileSizeIs12To15MegabytesAtRank16() {
		assertThat(evaluate(23).estimatedFileSizeMb()).isEqualTo(new FileSizeEstimate(12, 15));
	}

	@Test
	void triggerTokenIsTheActorsName() {
		assertThat(evaluate(23).triggerToken()).isEqualTo("Jane Doe");
	}

	@Test
	void anUnnamedActorGetsNoTriggerToken() {
		Evaluation evaluation = guide.evaluate(ActorDataset.ofImages(23), ParameterOverrides.NONE);
		assertThat(evaluation.triggerToken()).isNull();
	}

	@Test
	void moreThan60ImagesGetTheCurationWarning() {
		assertThat(evaluate(61).warnings()).extracting(Warning::code).containsExactly("curate_dataset");
	}

	@Test
	void sixtyImagesGetNoWarning() {
		assertThat(evaluate(60).warnings()).isEmpty();
	}

	@Test
	void firedRulesNameThePresetRowAndTheDerivations() {
		assertThat(evaluate(23).firedRules()).contains("Preset B: 16 to 30 images",
				"Warmup is 20 % of max train steps, rounded",
				"Epochs are max train steps over images times repeats, rounded half up, at least 1");
	}

	@Test
	void firedRulesAreThoseOfThisEvaluationOnly() {
		Evaluation first = evaluate(23);
		evaluate(75);
		assertThat(evaluate(23).firedRules()).isEqualTo(first.firedRules()).hasSize(6);
	}

	@Test
	void presetTableIsDerivedFromTheRules() {
		assertThat(guide.presetTable().problems()).isEmpty();
		assertThat(guide.presetTable().rows()).extracting(PresetRow::preset, PresetRow::fromImages, PresetRow::toImages)
			.containsExactly(tuple("A", 1, 15), tuple("B", 16, 30), tuple("C", 31, 60), tuple("XL", 61, null));
	}

}
