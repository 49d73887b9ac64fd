package dev.loraguide.experiment;

import java.nio.file.Path;

import dev.loraguide.guide.GuideRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.loraguide.experiment.ExperimentsFileTests.entry;
import static dev.loraguide.experiment.ExperimentsFileTests.file;
import static org.assertj.core.api.Assertions.assertThat;

/** Who is enrolled in which experiment, and which guide answers them. */
class ExperimentAssignerTests {

	@TempDir
	static Path rules;

	private static GuideRegistry guides;

	@BeforeAll
	static void loadGuides() {
		RulesFolder.copyGuides(rules);
		guides = RulesFolder.loadGuides(rules);
	}

	@Test
	void anActorWithoutIdIsNeverEnrolled() {
		ExperimentAssigner assigner = assigner(file("lr-gentle", "running", ""));
		assertThat(assigner.assign(null, 20)).isEmpty();
		assertThat(assigner.assign("", 20)).isEmpty();
		assertThat(assigner.assign("   ", 20)).isEmpty();
	}

	@Test
	void aStoppedExperimentEnrolsNoOne() {
		assertThat(assigner(file("lr-gentle", "stopped", "")).assign("actor-1", 20)).isEmpty();
	}

	@Test
	void theAssignmentCarriesTheVariantsGuide() {
		ExperimentAssigner assigner = assigner(file("lr-gentle", "running", "    salt: lr-gentle-2026\n"));
		Assignment control = assigner.assign("actor-1", 20).orElseThrow();
		Assignment legacy = assigner.assign("actor-4", 20).orElseThrow();
		assertThat(control.experimentId()).isEqualTo("lr-gentle");
		assertThat(control.variant()).isEqualTo("control");
		assertThat(control.guide().id()).isEqualTo("flux-lora");
		assertThat(legacy.variant()).isEqualTo("legacy");
		assertThat(legacy.guide().id()).isEqualTo("legacy-defaults");
		assertThat(legacy.forced()).isFalse();
	}

	@Test
	void aForcedActorIsAssignedTheForcedVariantAndMarkedForced() {
		ExperimentAssigner assigner = assigner(
				file("lr-gentle", "running", "    salt: lr-gentle-2026\n    forced: {actor-1: legacy}\n"));
		Assignment forced = assigner.assign("actor-1", 20).orElseThrow();
		assertThat(forced.variant()).isEqualTo("legacy");
		assertThat(forced.guide().id()).isEqualTo("legacy-defaults");
		assertThat(forced.forced()).isTrue();
	}

	@Test
	void theImageCountFilterDecidesWhichExperimentClaimsARequest() {
		ExperimentAssigner assigner = assigner(file("small-sets", "running", "    filter: {imageCount: {max: 30}}\n")
				+ entry("large-sets", "running", "    filter: {imageCount: {min: 31, max: 100}}\n", 50, 50));
		assertThat(assigner.assign("actor-1", 30).orElseThrow().experimentId()).isEqualTo("small-sets");
		assertThat(assigner.assign("actor-1", 31).orElseThrow().experimentId()).isEqualTo("large-sets");
		assertThat(assigner.assign("actor-1", 101)).isEmpty();
	}

	private static ExperimentAssigner assigner(String yaml) {
		Path file = rules.resolve("experiments-" + System.nanoTime() + ".yaml");
		RulesFolder.write(file, yaml);
		ExperimentRegistry registry = new ExperimentRegistry(file, guides);
		registry.reload();
		return new ExperimentAssigner(registry, guides);
	}

}
