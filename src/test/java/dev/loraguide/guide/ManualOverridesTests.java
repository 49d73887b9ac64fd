package dev.loraguide.guide;

import dev.loraguide.guide.fact.TrainingParameters;
import dev.loraguide.guide.fact.ActorDataset;
import dev.loraguide.guide.fact.FileSizeEstimate;
import dev.loraguide.guide.fact.ParameterOverrides;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A caller may fix any parameter; rules never overwrite it and the derived values follow
 * it.
 */
class ManualOverridesTests {

	private static Guide guide;

	@BeforeAll
	static void loadGuide() {
		guide = ShippedGuides.load("flux-lora");
	}

	private static TrainingParameters withOverrides(int imageCount, ParameterOverrides overrides) {
		return guide.evaluate(ActorDataset.ofImages(imageCount), overrides).parameters();
	}

	@Test
	void fixedMaxStepsDriveWarmupAndEpochs() {
		TrainingParameters parameters = withOverrides(23,
				new ParameterOverrides(1800, null, null, null, null, null, null, null));
		assertThat(parameters.maxTrainSteps()).isEqualTo(1800);
		assertThat(parameters.warmupSteps()).isEqualTo(360);
		assertThat(parameters.epochs()).isEqualTo(39);
	}

	@Test
	void fixedRepeatsDriveEpochs() {
		TrainingParameters parameters = withOverrides(23,
				new ParameterOverrides(null, null, null, null, 3, null, null, null));
		assertThat(parameters.repeats()).isEqualTo(3);
		assertThat(parameters.epochs()).isEqualTo(29);
	}

	@Test
	void fixedLearningRateIsKept() {
		assertThat(withOverrides(23, new ParameterOverrides(null, 0.0003, null, null, null, null, null, null))
			.learningRate()).isEqualTo(0.0003);
	}

	@Test
	void fixedDerivedValuesAreKept() {
		TrainingParameters parameters = withOverrides(23,
				new ParameterOverrides(null, null, null, null, null, 12, 50, "constant"));
		assertThat(parameters.epochs()).isEqualTo(12);
		assertThat(parameters.warmupSteps()).isEqualTo(50);
		assertThat(parameters.lrScheduler()).isEqualTo("constant");
	}

	@Test
	void fixedRankScalesTheFileSizeEstimate() {
		Evaluation evaluation = guide.evaluate(ActorDataset.ofImages(23),
				new ParameterOverrides(null, null, 32, 16, null, null, null, null));
		assertThat(evaluation.parameters().networkDim()).isEqualTo(32);
		assertThat(evaluation.parameters().networkAlpha()).isEqualTo(16);
		assertThat(evaluation.estimatedFileSizeMb()).isEqualTo(new FileSizeEstimate(24, 30));
	}

	@Test
	void overridesLeaveThePresetChoiceAlone() {
		assertThat(guide
			.evaluate(ActorDataset.ofImages(23), new ParameterOverrides(1800, null, null, null, null, null, null, null))
			.presetId()).isEqualTo("B");
	}

}
