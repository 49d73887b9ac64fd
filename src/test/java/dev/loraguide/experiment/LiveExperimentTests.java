package dev.loraguide.experiment;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * How actors are split between variants. The expected splits and actor variants were
 * computed independently with a Python re-implementation of GrowthBook's hash v2 and
 * bucket ranges, written from GrowthBook's documentation of them (not from this code).
 */
class LiveExperimentTests {

	private static final int ACTORS = 10_000;

	@Test
	void tenThousandActorsSplitWithinOneAndAHalfPointsOfTheWeights() {
		LiveExperiment experiment = LiveExperiment.of(experiment("split-test", 70, 30));
		Map<String, Integer> counts = split(experiment);
		assertThat(counts.get("control") / (double) ACTORS).isCloseTo(0.70, within(0.015));
		assertThat(counts.get("candidate") / (double) ACTORS).isCloseTo(0.30, within(0.015));
		assertThat(counts).containsEntry("control", 7069).containsEntry("candidate", 2931);
	}

	@Test
	void raisingTheControlWeightOnlyMovesActorsIntoTheControl() {
		LiveExperiment before = LiveExperiment.of(experiment("lr-gentle-2026", 50, 50));
		LiveExperiment after = LiveExperiment.of(experiment("lr-gentle-2026", 60, 40));
		Map<Move, Integer> moves = new EnumMap<>(Move.class);
		for (int i = 0; i < ACTORS; i++) {
			String actor = "actor-" + i;
			String was = variantOf(before, actor);
			String is = variantOf(after, actor);
			Move move = was.equals(is) ? Move.STAYED : was.equals("control") ? Move.LEFT_CONTROL : Move.JOINED_CONTROL;
			moves.merge(move, 1, Integer::sum);
		}
		assertThat(moves).doesNotContainKey(Move.LEFT_CONTROL);
		assertThat(moves.get(Move.JOINED_CONTROL)).isEqualTo(1014);
	}

	@Test
	void anActorGetsTheSameVariantFromAFreshlyBuiltExperiment() {
		Map<String, String> first = new HashMap<>();
		LiveExperiment once = LiveExperiment.of(experiment("lr-gentle-2026", 50, 50));
		IntStream.range(0, 1000).forEach((i) -> first.put("actor-" + i, variantOf(once, "actor-" + i)));
		LiveExperiment again = LiveExperiment.of(experiment("lr-gentle-2026", 50, 50));
		IntStream.range(0, 1000)
			.forEach((i) -> assertThat(variantOf(again, "actor-" + i)).isEqualTo(first.get("actor-" + i)));
	}

	@Test
	void actorsLandWhereAnyGrowthBookSdkPutsThem() {
		LiveExperiment experiment = LiveExperiment.of(experiment("lr-gentle-2026", 50, 50));
		// hash v2 of "lr-gentle-2026" + id: actor-1 0.4535, actor-4 0.7945, ann 0.6874,
		// bob 0.009, Zoë 0.6295
		assertThat(variantOf(experiment, "actor-1")).isEqualTo("control");
		assertThat(variantOf(experiment, "actor-4")).isEqualTo("candidate");
		assertThat(variantOf(experiment, "ann")).isEqualTo("candidate");
		assertThat(variantOf(experiment, "bob")).isEqualTo("control");
		assertThat(variantOf(experiment, "Zoë")).isEqualTo("candidate");
	}

	@Test
	void changingTheSaltReshufflesActors() {
		LiveExperiment one = LiveExperiment.of(experiment("salt-one", 50, 50));
		LiveExperiment two = LiveExperiment.of(experiment("salt-two", 50, 50));
		long changed = IntStream.range(0, ACTORS)
			.filter((i) -> !variantOf(one, "actor-" + i).equals(variantOf(two, "actor-" + i)))
			.count();
		assertThat(changed / (double) ACTORS).isCloseTo(0.5, within(0.05));
	}

	@Test
	void aForcedActorGetsTheForcedVariantWhateverTheHash() {
		Experiment forced = new Experiment("lr-gentle", ExperimentStatus.RUNNING, "lr-gentle-2026",
				experiment("lr-gentle-2026", 50, 50).variants(), ImageCountRange.ALL, Map.of("actor-1", "candidate"));
		LiveExperiment.Choice choice = LiveExperiment.of(forced).choose("actor-1").orElseThrow();
		assertThat(choice.variant().name()).isEqualTo("candidate");
		assertThat(choice.forced()).isTrue();
		assertThat(LiveExperiment.of(forced).choose("actor-3").orElseThrow().forced()).isFalse();
	}

	@Test
	void aZeroWeightVariantGetsNoOne() {
		LiveExperiment experiment = LiveExperiment.of(experiment("zero", 100, 0));
		assertThat(split(experiment)).containsOnlyKeys("control");
	}

	static Experiment experiment(String salt, double controlWeight, double candidateWeight) {
		return new Experiment("test", ExperimentStatus.RUNNING, salt,
				List.of(new Variant("control", "flux-lora", controlWeight),
						new Variant("candidate", "legacy-defaults", candidateWeight)),
				ImageCountRange.ALL, Map.of());
	}

	private static Map<String, Integer> split(LiveExperiment experiment) {
		Map<String, Integer> counts = new HashMap<>();
		IntStream.range(0, ACTORS).forEach((i) -> counts.merge(variantOf(experiment, "actor-" + i), 1, Integer::sum));
		return counts;
	}

	private static String variantOf(LiveExperiment experiment, String actorId) {
		return experiment.choose(actorId).orElseThrow().variant().name();
	}

	private enum Move {

		STAYED, LEFT_CONTROL, JOINED_CONTROL

	}

}
