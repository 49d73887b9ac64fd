package dev.loraguide.experiment;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import dev.loraguide.guide.GuideRegistry;
import dev.loraguide.guide.RulesFolderChanged;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.loraguide.experiment.ExperimentsFileTests.file;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The experiments file is loaded like a guide: checked before it goes live, last good
 * revision kept.
 */
class ExperimentRegistryTests {

	@TempDir
	Path rules;

	private GuideRegistry guides;

	private Path experimentsFile;

	@BeforeEach
	void loadGuides() {
		RulesFolder.copyGuides(this.rules);
		this.guides = RulesFolder.loadGuides(this.rules);
		this.experimentsFile = this.rules.resolve("experiments.yaml");
	}

	@Test
	void missingFileMeansNoExperiments() {
		ExperimentsState state = registry().current();
		assertThat(state.experiments()).isEmpty();
		assertThat(state.refusedRevision()).isNull();
		assertThat(state.revision()).isEqualTo("no-file");
	}

	@Test
	void validFileGoesLive() {
		RulesFolder.write(this.experimentsFile, file("lr-gentle", "running", ""));
		ExperimentsState state = registry().current();
		assertThat(state.enrolling()).extracting((live) -> live.experiment().id()).containsExactly("lr-gentle");
		assertThat(state.problems()).isEmpty();
	}

	@Test
	void brokenEditKeepsLastGoodRevision() {
		RulesFolder.write(this.experimentsFile, file("lr-gentle", "running", ""));
		ExperimentRegistry registry = registry();
		String good = registry.current().revision();
		RulesFolder.write(this.experimentsFile, file("lr-gentle", "running", "", 70, 20));
		registry.reload();
		ExperimentsState state = registry.current();
		assertThat(state.revision()).isEqualTo(good);
		assertThat(state.refusedRevision()).isNotNull().isNotEqualTo(good);
		assertThat(state.problems()).extracting(ExperimentProblem::toString)
			.containsExactly("4:5: experiment 'lr-gentle' variants[*].weight: weights add up to 90, not 100");
		assertThat(state.enrolling()).extracting((live) -> live.experiment().variants().get(0).weight())
			.containsExactly(50.0);
	}

	@Test
	void fixingABrokenEditClearsTheProblems() {
		RulesFolder.write(this.experimentsFile, file("lr-gentle", "running", ""));
		ExperimentRegistry registry = registry();
		RulesFolder.write(this.experimentsFile, file("lr-gentle", "paused", ""));
		registry.reload();
		RulesFolder.write(this.experimentsFile, file("lr-gentle", "running", "", 70, 30));
		registry.reload();
		ExperimentsState state = registry.current();
		assertThat(state.refusedRevision()).isNull();
		assertThat(state.problems()).isEmpty();
		assertThat(state.enrolling().get(0).experiment().variants().get(0).weight()).isEqualTo(70.0);
	}

	@Test
	void fileRefusedAtStartRunsNoExperiments() {
		RulesFolder.write(this.experimentsFile, "experiments: [oops");
		ExperimentsState state = registry().current();
		assertThat(state.experiments()).isEmpty();
		assertThat(state.revision()).isNull();
		assertThat(state.problems()).isNotEmpty();
	}

	@Test
	void fileNamingAGuideThatIsNotLoadedIsRefused() {
		RulesFolder.write(this.experimentsFile,
				file("lr-gentle", "running", "").replace("legacy-defaults", "legacy-default"));
		assertThat(registry().current().problems()).extracting(ExperimentProblem::toString)
			.containsExactly("6:24: experiment 'lr-gentle' variants[1].guide: guide 'legacy-default' is not loaded");
	}

	@Test
	void experimentIsSuspendedWhileAVariantsGuideIsGoneAndResumesWhenItIsBack() {
		RulesFolder.write(this.experimentsFile, file("lr-gentle", "running", ""));
		ExperimentRegistry registry = registry();
		Path parked = this.rules.resolveSibling(this.rules.getFileName() + "-parked");
		RulesFolder.move(this.rules.resolve("legacy-defaults"), parked);
		this.guides.reload();
		ExperimentsState gone = registry.current();
		assertThat(gone.enrolling()).isEmpty();
		assertThat(gone.suspended()).containsOnlyKeys("lr-gentle");
		assertThat(gone.refusedRevision()).isNull();
		RulesFolder.move(parked, this.rules.resolve("legacy-defaults"));
		this.guides.reload();
		ExperimentsState back = registry.current();
		assertThat(back.suspended()).isEmpty();
		assertThat(back.enrolling()).hasSize(1);
	}

	@Test
	void fileRefusedForAMissingGuideGoesLiveOnceTheGuideArrives() {
		Path parked = this.rules.resolveSibling(this.rules.getFileName() + "-parked");
		RulesFolder.move(this.rules.resolve("legacy-defaults"), parked);
		this.guides.reload();
		RulesFolder.write(this.experimentsFile, file("lr-gentle", "running", ""));
		ExperimentRegistry registry = registry();
		assertThat(registry.current().refusedRevision()).isNotNull();
		RulesFolder.move(parked, this.rules.resolve("legacy-defaults"));
		this.guides.reload();
		assertThat(registry.current().refusedRevision()).isNull();
		assertThat(registry.current().enrolling()).hasSize(1);
	}

	@Test
	void rulesFolderChangeReloadsTheFile() {
		ExperimentRegistry registry = registry();
		RulesFolder.write(this.experimentsFile, file("lr-gentle", "running", ""));
		registry.onRulesFolderChanged(new RulesFolderChanged(Set.of(Path.of("experiments.yaml"))));
		assertThat(registry.current().experiments()).hasSize(1);
	}

	@Test
	void actorsKeepTheirVariantsAcrossARestart() {
		RulesFolder.write(this.experimentsFile, file("lr-gentle", "running", "", 70, 30));
		Map<String, String> beforeRestart = variants(new ExperimentAssigner(registry(), this.guides));
		GuideRegistry restartedGuides = RulesFolder.loadGuides(this.rules);
		ExperimentRegistry restarted = new ExperimentRegistry(this.experimentsFile, restartedGuides);
		restarted.reload();
		assertThat(variants(new ExperimentAssigner(restarted, restartedGuides))).isEqualTo(beforeRestart);
	}

	private Map<String, String> variants(ExperimentAssigner assigner) {
		Map<String, String> variants = new HashMap<>();
		IntStream.range(0, 1000)
			.forEach((i) -> variants.put("actor-" + i, assigner.assign("actor-" + i, 20).orElseThrow().variant()));
		return variants;
	}

	private ExperimentRegistry registry() {
		ExperimentRegistry registry = new ExperimentRegistry(this.experimentsFile, this.guides);
		registry.reload();
		return registry;
	}

}
