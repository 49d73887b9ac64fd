package dev.loraguide.guide;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A guide diff evaluates both guides at every scanned image count and reports the runs of
 * counts whose answers differ, with each changed output's values at both ends of the run.
 */
class GuideDiffTests {

	@TempDir
	Path dir;

	@Test
	void editOfOnePresetsLearningRateIsOneRange() {
		RulesFolder rules = RulesFolder.copyInto(this.dir);
		Path edited = rules.copyGuide("flux-lora", "gentle");
		RulesFolder.replace(edited.resolve("presets.drl"), "setLearningRate( 0.00025 )", "setLearningRate( 0.0002 )");

		GuideDiff diff = GuideDiff.between(GuideCurvesSource.compile(rules.guide("flux-lora")),
				GuideCurvesSource.compile(edited));

		assertThat(diff.identical()).isFalse();
		assertThat(diff.text()).isEqualTo("16–30: learningRate 0.00025 → 0.0002");
		assertThat(diff.ranges()).singleElement().satisfies((range) -> {
			assertThat(range.fromImages()).isEqualTo(16);
			assertThat(range.toImages()).isEqualTo(30);
			assertThat(range.changes()).singleElement()
				.isEqualTo(new GuideDiff.ChangedOutput("learningRate", 0.00025, 0.0002, 0.00025, 0.0002));
		});
	}

	@Test
	void outputsThatVaryWithinARangeShowTheirValuesAtBothEnds() {
		RulesFolder rules = RulesFolder.copyInto(this.dir);

		GuideDiff diff = GuideDiff.between(GuideCurvesSource.compile(rules.guide("legacy-defaults")),
				GuideCurvesSource.compile(rules.guide("flux-lora")));

		assertThat(diff.ranges()).extracting(GuideDiff.ChangedRange::text)
			.anySatisfy((text) -> assertThat(text).startsWith("31–60: preset legacy → C;")
				.contains("; learningRate 0.0004 → 0.00015;")
				.contains("; epochs 6–3 → 81–42;"));
	}

	@Test
	void guidesThatAnswerAlikeAreIdentical() {
		RulesFolder rules = RulesFolder.copyInto(this.dir);
		Path commented = rules.copyGuide("flux-lora", "commented");
		RulesFolder.replace(commented.resolve("presets.drl"), "// Presets of the FLUX LoRA training guide",
				"// Presets (reworded comment) of the FLUX LoRA training guide");

		GuideDiff diff = GuideDiff.between(GuideCurvesSource.compile(rules.guide("flux-lora")),
				GuideCurvesSource.compile(commented));

		assertThat(diff.identical()).isTrue();
		assertThat(diff.ranges()).isEmpty();
		assertThat(diff.text()).isEqualTo("no answer changes");
		assertThat(diff.before().revision()).isNotEqualTo(diff.after().revision());
	}

}
