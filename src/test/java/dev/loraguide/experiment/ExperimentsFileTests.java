package dev.loraguide.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading and validating the experiments file, without guides: every problem names the
 * experiment and field.
 */
class ExperimentsFileTests {

	@Test
	void readsTheExampleOfTheIssue() {
		ExperimentsFile.Parsed parsed = ExperimentsFile.parse("""
				experiments:
				  - id: lr-gentle
				    status: running
				    salt: lr-gentle-2026
				    variants:
				      - name: control
				        guide: flux-lora
				        weight: 50
				      - name: legacy
				        guide: legacy-defaults
				        weight: 50
				    filter:
				      imageCount: {min: 1, max: 30}
				    forced:
				      12345: legacy
				""");
		assertThat(parsed.problems()).isEmpty();
		assertThat(parsed.experiments())
			.containsExactly(new Experiment("lr-gentle", ExperimentStatus.RUNNING, "lr-gentle-2026",
					List.of(new Variant("control", "flux-lora", 50), new Variant("legacy", "legacy-defaults", 50)),
					new ImageCountRange(1, 30), Map.of("12345", "legacy")));
	}

	@Test
	void saltDefaultsToTheExperimentId() {
		assertThat(ExperimentsFile.parse(file("a", "running", "")).experiments().get(0).salt()).isEqualTo("a");
	}

	@Test
	void anEmptyFileDeclaresNoExperiments() {
		assertThat(ExperimentsFile.parse("").experiments()).isEmpty();
		assertThat(ExperimentsFile.parse("").problems()).isEmpty();
		assertThat(ExperimentsFile.parse("experiments: []").problems()).isEmpty();
	}

	@Test
	void brokenYamlIsAProblemOfTheFile() {
		assertThat(problems("experiments: [\n  - id: a\n")).singleElement()
			.satisfies(
					(problem) -> assertThat(problem.toString()).startsWith("1:15: is not valid YAML").contains("line"));
	}

	@Test
	void unknownStatusNamesTheExperimentAndField() {
		assertThat(problems(file("lr", "paused", ""))).extracting(ExperimentProblem::toString)
			.containsExactly("3:5: experiment 'lr' status: must be running or stopped, not 'paused'");
	}

	@Test
	void misspeltFieldIsRefusedRatherThanIgnored() {
		String yaml = """
				experiments:
				  - id: lr
				    status: running
				    variants:
				      - {name: control, guide: flux-lora, wieght: 50}
				      - {name: legacy, guide: legacy-defaults, weight: 50}
				""";
		assertThat(problems(yaml)).extracting(ExperimentProblem::toString)
			.contains("5:9: experiment 'lr' variants[0].weight: is required")
			.anySatisfy((problem) -> assertThat(problem)
				.startsWith("5:43: experiment 'lr' variants[0].wieght: is not a known field"));
	}

	@Test
	void aProblemPointsAtTheLineAndColumnToFix() {
		String yaml = """
				experiments:
				  - id: lr
				    status: running
				    variants:
				      - {name: control, guide: flux-lora, wieght: 50}
				      - {name: legacy, guide: legacy-defaults, weight: 50}
				""";
		assertThat(ExperimentsFile.parse(yaml).problems())
			.contains(new ExperimentProblem("lr", "variants[0].wieght", 5, 43,
					"is not a known field; expected one of guide, name, weight"))
			.contains(new ExperimentProblem("lr", "variants[0].weight", 5, 9, "is required"));
	}

	@Test
	void valueOfTheWrongTypeIsRefusedWithExperimentFieldAndPlace() {
		String yaml = """
				experiments:
				  - id: lr
				    status: running
				    salt: [a, b]
				    variants:
				      - {name: control, guide: flux-lora, weight: half}
				      - {name: legacy, guide: legacy-defaults, weight: 50}
				""";
		assertThat(ExperimentsFile.parse(yaml).problems()).containsExactly(
				new ExperimentProblem("lr", "salt", 4, 5, "must be text, not a list or mapping (quote it)"),
				new ExperimentProblem("lr", "variants[0].weight", 6, 43, "must be a number from 0 to 100, not 'half'"));
	}

	@Test
	void aProblemFoundAcrossFieldsPointsAtTheirEnclosingField() {
		ExperimentsFile.Parsed parsed = ExperimentsFile.parse(file("lr", "running", "", 60, 50));
		assertThat(ExperimentsValidator.fileProblems(parsed.experiments()).stream().map(parsed::locate)).singleElement()
			.satisfies((problem) -> assertThat(problem.line()).isEqualTo(4))
			.satisfies((problem) -> assertThat(problem.column()).isEqualTo(5));
	}

	@Test
	void brokenYamlCarriesAPlaceInTheFile() {
		assertThat(ExperimentsFile.parse("experiments: [\n  - id: a\n").problems()).singleElement()
			.satisfies((problem) -> assertThat(problem.line()).isPositive());
	}

	@Test
	void weightsThatDoNotAddUpTo100AreRefused() {
		assertThat(problems(file("lr", "running", "", 60, 50))).extracting(ExperimentProblem::toString)
			.containsExactly("experiment 'lr' variants[*].weight: weights add up to 110, not 100");
	}

	@Test
	void decimalWeightsThatAddUpTo100AreAccepted() {
		String yaml = """
				experiments:
				  - id: thirds
				    status: running
				    variants:
				      - {name: a, guide: flux-lora, weight: 33.3}
				      - {name: b, guide: flux-lora, weight: 33.3}
				      - {name: c, guide: flux-lora, weight: 33.4}
				""";
		assertThat(problems(yaml)).isEmpty();
	}

	@Test
	void weightOutsideZeroToHundredIsRefused() {
		assertThat(problems(file("lr", "running", "", -10, 110))).extracting(ExperimentProblem::toString)
			.contains("5:43: experiment 'lr' variants[0].weight: must be a number from 0 to 100, not '-10'");
	}

	@Test
	void duplicateExperimentIdsAreRefused() {
		String yaml = file("lr", "stopped", "") + entry("lr", "stopped", "", 50, 50);
		assertThat(problems(yaml)).extracting(ExperimentProblem::toString)
			.containsExactly("experiment 'lr' id: is used by another experiment too");
	}

	@Test
	void duplicateVariantNamesAreRefused() {
		String yaml = """
				experiments:
				  - id: lr
				    status: running
				    variants:
				      - {name: same, guide: flux-lora, weight: 50}
				      - {name: same, guide: legacy-defaults, weight: 50}
				""";
		assertThat(problems(yaml)).extracting(ExperimentProblem::toString)
			.containsExactly("experiment 'lr' variants[1].name: 'same' is used by another variant too");
	}

	@Test
	void anExperimentNeedsTwoVariants() {
		String yaml = """
				experiments:
				  - id: lr
				    status: running
				    variants:
				      - {name: only, guide: flux-lora, weight: 100}
				""";
		assertThat(problems(yaml)).extracting(ExperimentProblem::toString)
			.containsExactly(
					"experiment 'lr' variants: needs at least two variants, a control and something to compare with it");
	}

	@Test
	void forcedActorMustNameAVariant() {
		assertThat(problems(file("lr", "running", "    forced: {actor-7: treatment}\n")))
			.extracting(ExperimentProblem::toString)
			.containsExactly("experiment 'lr' forced.actor-7: names no variant of this experiment: 'treatment'; "
					+ "expected one of control, legacy");
	}

	@Test
	void twoRunningExperimentsWithoutFiltersCouldClaimTheSameRequest() {
		String yaml = file("one", "running", "") + entry("two", "running", "", 50, 50);
		assertThat(problems(yaml)).extracting(ExperimentProblem::toString)
			.containsExactly("experiment 'two' filter: could claim the same requests as running experiment 'one' "
					+ "(1 images or more overlaps 1 images or more); give them disjoint filter.imageCount ranges or stop one");
	}

	@Test
	void overlappingImageCountRangesOfRunningExperimentsAreRefused() {
		String yaml = file("small", "running", "    filter: {imageCount: {max: 30}}\n")
				+ entry("large", "running", "    filter: {imageCount: {min: 30}}\n", 50, 50);
		assertThat(problems(yaml)).extracting(ExperimentProblem::toString)
			.singleElement()
			.satisfies((problem) -> assertThat(problem).contains("'large' filter",
					"30 images or more overlaps 1 to 30 images"));
	}

	@Test
	void disjointRangesMayRunTogether() {
		String yaml = file("small", "running", "    filter: {imageCount: {max: 30}}\n")
				+ entry("large", "running", "    filter: {imageCount: {min: 31}}\n", 50, 50);
		assertThat(problems(yaml)).isEmpty();
	}

	@Test
	void aStoppedExperimentClaimsNothingSoItMayOverlap() {
		assertThat(problems(file("one", "running", "") + entry("two", "stopped", "", 50, 50))).isEmpty();
	}

	@Test
	void invertedRangeIsRefused() {
		assertThat(problems(file("lr", "running", "    filter: {imageCount: {min: 40, max: 30}}\n")))
			.extracting(ExperimentProblem::toString)
			.containsExactly("4:14: experiment 'lr' filter.imageCount: min 40 is above max 30");
	}

	@Test
	void missingIdIsReportedByPosition() {
		String yaml = """
				experiments:
				  - status: running
				    variants:
				      - {name: control, guide: flux-lora, weight: 50}
				      - {name: legacy, guide: legacy-defaults, weight: 50}
				""";
		assertThat(problems(yaml)).extracting(ExperimentProblem::toString)
			.containsExactly("2:5: experiments[0].id: is required");
	}

	@Test
	void unknownGuideIsReportedWithTheVariantField() {
		List<Experiment> experiments = ExperimentsFile.parse(file("lr", "running", "")).experiments();
		assertThat(ExperimentsValidator.guideProblems(experiments, java.util.Set.of("flux-lora")))
			.extracting(ExperimentProblem::toString)
			.containsExactly("experiment 'lr' variants[1].guide: guide 'legacy-defaults' is not loaded");
	}

	private static List<ExperimentProblem> problems(String yaml) {
		ExperimentsFile.Parsed parsed = ExperimentsFile.parse(yaml);
		List<ExperimentProblem> problems = new ArrayList<>(parsed.problems());
		problems.addAll(ExperimentsValidator.fileProblems(parsed.experiments()));
		return problems;
	}

	static String file(String id, String status, String extra) {
		return "experiments:\n" + entry(id, status, extra, 50, 50);
	}

	static String file(String id, String status, String extra, int controlWeight, int legacyWeight) {
		return "experiments:\n" + entry(id, status, extra, controlWeight, legacyWeight);
	}

	static String entry(String id, String status, String extra, int controlWeight, int legacyWeight) {
		return "  - id: " + id + "\n    status: " + status + "\n" + extra + "    variants:\n"
				+ "      - {name: control, guide: flux-lora, weight: " + controlWeight + "}\n"
				+ "      - {name: legacy, guide: legacy-defaults, weight: " + legacyWeight + "}\n";
	}

}
