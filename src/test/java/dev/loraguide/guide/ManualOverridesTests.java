package dev.loraguide.guide;

import dev.loraguide.guide.fact.ActorDataset;
import dev.loraguide.guide.fact.ParameterOverrides;
import dev.loraguide.guide.fact.TrainingParameters;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A caller may fix any parameter; rules never overwrite it and the derived values follow
 * it. The mechanism only: what a guide derives from a fixed value is pinned in its
 * {@code cases.yaml}.
 */
class ManualOverridesTests {

	private static final int IMAGES = 23;

	private static Guide guide;

	private static TrainingParameters free;

	@BeforeAll
	static void loadGuide() {
		guide = ShippedGuides.load("flux-lora");
		free = evaluate(ParameterOverrides.NONE).parameters();
	}

	private static Evaluation evaluate(ParameterOverrides overrides) {
		return guide.evaluate(ActorDataset.ofImages(IMAGES), overrides);
	}

	@Test
	void everyFixedParameterIsKeptAsGiven() {
		ParameterOverrides fixed = new ParameterOverrides(free.maxTrainSteps() + 1, free.learningRate() * 2,
				free.networkDim() * 2, free.networkAlpha() * 2, free.repeats() + 1, free.epochs() + 1,
				free.warmupSteps() + 1, free.lrScheduler() + "-by-hand");
		assertThat(evaluate(fixed).parameters())
			.isEqualTo(new TrainingParameters(fixed.maxTrainSteps(), fixed.learningRate(), fixed.networkDim(),
					fixed.networkAlpha(), fixed.repeats(), fixed.epochs(), fixed.warmupSteps(), fixed.lrScheduler()));
	}

	@Test
	void warmupAndEpochsFollowFixedMaxSteps() {
		TrainingParameters parameters = evaluate(
				new ParameterOverrides(free.maxTrainSteps() * 2, null, null, null, null, null, null, null))
			.parameters();
		assertThat(parameters.warmupSteps()).isGreaterThan(free.warmupSteps());
		assertThat(parameters.epochs()).isGreaterThan(free.epochs());
	}

	@Test
	void epochsFollowFixedRepeats() {
		TrainingParameters parameters = evaluate(
				new ParameterOverrides(null, null, null, null, free.repeats() * 2, null, null, null))
			.parameters();
		assertThat(parameters.epochs()).isLessThan(free.epochs());
	}

	@Test
	void overridesLeaveThePresetChoiceAlone() {
		assertThat(evaluate(new ParameterOverrides(free.maxTrainSteps() * 2, null, null, null, null, null, null, null))
			.presetId()).isEqualTo(evaluate(ParameterOverrides.NONE).presetId());
	}

}
