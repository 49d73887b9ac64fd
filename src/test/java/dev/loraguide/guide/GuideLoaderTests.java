package dev.loraguide.guide;

import dev.loraguide.guide.fact.ActorDataset;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The validation gate: a revision goes live only if it compiles, covers every image count
 * with exactly one preset, passes its own cases and does not loop; every refusal says
 * where to look.
 */
class GuideLoaderTests {

	private final GuideLoader loader = new GuideLoader(new GuideCompiler(1000));

	@TempDir
	Path temp;

	private Path guide;

	@BeforeEach
	void copyFluxGuide() {
		this.guide = RulesFolder.copyInto(this.temp).guide("flux-lora");
	}

	@Test
	void shippedGuideGoesLive() throws GuideRefusedException {
		Guide guide = this.loader.load(GuideSource.read(this.guide));

		assertThat(guide.presetTable().rows()).extracting(PresetRow::preset).containsExactly("A", "B", "C", "XL");
		guide.rules().dispose();
	}

	@Test
	void syntaxErrorIsRefusedWithFileLineAndColumn() {
		RulesFolder.replace(this.guide.resolve("presets.drl"), "imageCount >= 16, imageCount <= 30",
				"imageCount >= 16, imageCount <= ");

		assertThat(refusal()).anySatisfy((problem) -> {
			assertThat(problem.file()).isEqualTo("presets.drl");
			assertThat(problem.line()).isEqualTo(24);
			assertThat(problem.column()).isPositive();
		});
	}

	@Test
	void unknownFieldIsRefusedWithItsLine() {
		RulesFolder.replace(this.guide.resolve("warnings.drl"), "ActorDataset( imageCount > 60 )",
				"ActorDataset( pictureCount > 60 )");

		assertThat(refusal()).anySatisfy((problem) -> {
			assertThat(problem.file()).isEqualTo("warnings.drl");
			assertThat(problem.line()).isEqualTo(11);
			assertThat(problem.message()).contains("pictureCount");
		});
	}

	@Test
	@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
	void loopingRuleIsCutOffAndRefusedAtItsDeclaration() {
		RulesFolder.write(this.guide.resolve("loop.drl"), """
				package guides.flux_lora;

				import dev.loraguide.guide.fact.TrainingPlan;

				rule "Nudge the learning rate forever"
				when
				    $plan : TrainingPlan( presetId != null, $rate : learningRate != null )
				then
				    modify( $plan ) { setLearningRate( $rate * 1.0 ) }
				end
				""");

		assertThat(refusal()).singleElement().satisfies((problem) -> {
			assertThat(problem.file()).isEqualTo("loop.drl");
			assertThat(problem.line()).isEqualTo(5);
			assertThat(problem.message()).startsWith("rule loop: rules fired 1000 times")
				.contains("\"Nudge the learning rate forever\"");
		});
	}

	@Test
	void imageCountWithoutPresetIsRefused() {
		RulesFolder.replace(this.guide.resolve("presets.drl"), "imageCount >= 31, imageCount <= 60",
				"imageCount >= 32, imageCount <= 60");

		assertThat(refusal()).extracting(GuideProblem::message).contains("no preset for 31 images");
	}

	@Test
	void imageCountClaimedByTwoPresetsIsRefused() {
		RulesFolder.replace(this.guide.resolve("presets.drl"), "imageCount >= 31, imageCount <= 60",
				"imageCount >= 29, imageCount <= 60");

		assertThat(refusal()).extracting(GuideProblem::message)
			.anySatisfy((message) -> assertThat(message).contains("29 to 30 images").contains("B").contains("C"));
	}

	@Test
	void failingCaseNamesTheFieldsThatDifferAndTheRulesThatFired() {
		RulesFolder.replace(this.guide.resolve("cases.yaml"),
				"want: { preset: B, maxTrainSteps: 2000, learningRate: 0.00025, epochs: 43, warmupSteps: 400 }",
				"want: { preset: B, maxTrainSteps: 2100, learningRate: 0.00025, epochs: 44, warmupSteps: 400 }");

		assertThat(refusal()).singleElement().satisfies((problem) -> {
			assertThat(problem.file()).isEqualTo("cases.yaml");
			assertThat(problem.line()).isEqualTo(46);
			assertThat(problem.message())
				.startsWith("case \"Preset B in the middle, 23 images (epochs 2000 / 46 = 43)\" fails: ")
				.contains("maxTrainSteps want 2100, got 2000; epochs want 44, got 43")
				.contains("rules fired: \"Preset B: 16 to 30 images\"");
		});
	}

	@Test
	void casesFileThatIsNotYamlIsRefusedWithItsLine() {
		RulesFolder.replace(this.guide.resolve("cases.yaml"), "given: { imageCount: 15 }", "given: { imageCount: 15");

		assertThat(refusal()).singleElement().satisfies((problem) -> {
			assertThat(problem.file()).isEqualTo("cases.yaml");
			assertThat(problem.line()).as("the broken line or the next, where the parser notices").isBetween(25, 26);
			assertThat(problem.message()).startsWith("not valid YAML");
		});
	}

	@Test
	void unknownWantedFieldIsRefusedWithTheKnownOnes() {
		RulesFolder.replace(this.guide.resolve("cases.yaml"), "want: { preset: C, epochs: 50, warmupSteps: 500 }",
				"want: { preset: C, epoch: 50 }");

		assertThat(refusal()).singleElement().satisfies((problem) -> {
			assertThat(problem.line()).isEqualTo(69);
			assertThat(problem.message()).startsWith("unknown field 'epoch' in want; known: preset,")
				.contains("epochs");
		});
	}

	@Test
	void ruleThatFailsWhileEvaluatingIsRefused() {
		RulesFolder.replace(this.guide.resolve("every-preset.drl"), "Math.round( $steps * 0.20 )",
				"Math.round( $steps / ( $steps - $steps ) )");

		assertThat(refusal()).extracting(GuideProblem::message)
			.anySatisfy((message) -> assertThat(message).contains("threw java.lang.ArithmeticException: / by zero"));
	}

	private List<GuideProblem> refusal() {
		return assertThatExceptionOfType(GuideRefusedException.class)
			.isThrownBy(() -> this.loader.load(GuideSource.read(this.guide)))
			.actual()
			.getProblems();
	}

}
