package dev.loraguide.guide;

import dev.loraguide.guide.fact.ActorDataset;
import dev.loraguide.guide.fact.ParameterOverrides;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * Reloading the registry: good → broken → fixed, several guides at once, removal, and
 * what each reload reports. The sequences of kube-mgmt#41 and OPA#2220, where a failed
 * activation stuck.
 */
@ExtendWith(OutputCaptureExtension.class)
class GuideRegistryTests {

	@TempDir
	Path temp;

	private RulesFolder rules;

	private GuideRegistry registry;

	private final List<List<GuideReload>> reported = new ArrayList<>();

	@BeforeEach
	void loadShippedGuides() {
		this.rules = RulesFolder.copyInto(this.temp);
		this.registry = new GuideRegistry(this.temp, "flux-lora", new GuideLoader(new GuideCompiler(1000)),
				Clock.systemUTC(), Duration.ZERO, (reloads, serving, took) -> this.reported.add(reloads));
		this.registry.reload();
	}

	@AfterEach
	void close() {
		this.registry.close();
	}

	@Test
	void editedGuideIsActivated() {
		String before = this.registry.require("flux-lora").revision();
		changeLearningRate("flux-lora");

		assertThat(this.registry.reload()).filteredOn((reload) -> reload.guide().equals("flux-lora"))
			.singleElement()
			.satisfies((reload) -> {
				assertThat(reload.outcome()).isEqualTo(ReloadOutcome.ACTIVATED);
				assertThat(reload.revision()).isNotEqualTo(before);
			});
		assertThat(learningRateAt20Images("flux-lora")).isEqualTo(0.0003);
	}

	@Test
	void brokenEditKeepsLastGoodRevision() {
		String good = this.registry.require("flux-lora").revision();
		breakSyntax("flux-lora");

		List<GuideReload> reloads = this.registry.reload();

		assertThat(reloads).filteredOn((reload) -> reload.guide().equals("flux-lora"))
			.singleElement()
			.satisfies((reload) -> {
				assertThat(reload.outcome()).isEqualTo(ReloadOutcome.REFUSED);
				assertThat(reload.revision()).isEqualTo(good);
				assertThat(reload.refusedRevision()).isNotEqualTo(good);
				assertThat(reload.problems()).anySatisfy((problem) -> {
					assertThat(problem.file()).isEqualTo("presets.drl");
					assertThat(problem.line()).isGreaterThan(0);
				});
			});
		assertThat(this.registry.require("flux-lora").revision()).isEqualTo(good);
		assertThat(learningRateAt20Images("flux-lora")).isEqualTo(0.00025);
	}

	@Test
	void refusedRevisionIsNotTriedAgain() {
		breakSyntax("flux-lora");
		this.registry.reload();

		assertThat(this.registry.reload()).extracting(GuideReload::outcome).containsOnly(ReloadOutcome.UNCHANGED);
	}

	@Test
	void fixAfterBrokenEditGoesLiveAndClearsTheProblem() {
		breakSyntax("flux-lora");
		this.registry.reload();
		RulesFolder.replace(this.rules.guide("flux-lora").resolve("presets.drl"), "imageCount <= )",
				"imageCount <= 30 )");
		changeLearningRate("flux-lora");

		this.registry.reload();

		GuideState state = state("flux-lora");
		assertThat(state.refusedRevision()).isNull();
		assertThat(state.problems()).isEmpty();
		assertThat(learningRateAt20Images("flux-lora")).isEqualTo(0.0003);
	}

	@Test
	void brokenGuideDoesNotStopANewGuideFromLoading() {
		breakSyntax("flux-lora");
		this.registry.reload();
		this.rules.copyGuide("legacy-defaults", "new-guide");

		this.registry.reload();

		assertThat(state("flux-lora").refusedRevision()).isNotNull();
		assertThat(this.registry.require("new-guide").presetTable().rows()).extracting(PresetRow::preset)
			.containsExactly("legacy");
	}

	@Test
	void guideThatNeverLoadedIsListedButNotServed() {
		this.rules.copyGuide("flux-lora", "broken-guide");
		breakSyntax("broken-guide");

		assertThat(this.registry.reload()).filteredOn((reload) -> reload.guide().equals("broken-guide"))
			.singleElement()
			.satisfies((reload) -> {
				assertThat(reload.outcome()).isEqualTo(ReloadOutcome.REFUSED);
				assertThat(reload.revision()).isNull();
			});
		assertThat(this.registry.servingRevisions()).doesNotContainKey("broken-guide");
	}

	@Test
	void removedGuideIsNoLongerServed() {
		RulesFolder.delete(this.rules.guide("legacy-defaults"));

		assertThat(this.registry.reload()).filteredOn((reload) -> reload.guide().equals("legacy-defaults"))
			.extracting(GuideReload::outcome)
			.containsExactly(ReloadOutcome.REMOVED);
		assertThat(this.registry.servingRevisions()).containsOnlyKeys("flux-lora");
	}

	@Test
	void removedDefaultGuideKeepsServingItsLastRevision() {
		String revision = this.registry.defaultGuide().revision();
		RulesFolder.delete(this.rules.guide("flux-lora"));

		assertThat(this.registry.reload()).filteredOn((reload) -> reload.guide().equals("flux-lora"))
			.singleElement()
			.satisfies((reload) -> {
				assertThat(reload.outcome()).isEqualTo(ReloadOutcome.REFUSED);
				assertThat(reload.problems()).extracting(GuideProblem::message)
					.singleElement()
					.asString()
					.contains("default guide is gone");
			});
		assertThat(this.registry.defaultGuide().revision()).isEqualTo(revision);
		assertThat(this.registry.reload()).extracting(GuideReload::outcome).containsOnly(ReloadOutcome.UNCHANGED);
	}

	@Test
	void listenerHearsEveryReloadWithWhatServes() {
		changeLearningRate("legacy-defaults");

		this.registry.reload();

		assertThat(this.reported).hasSize(2);
		assertThat(this.reported.get(1)).extracting(GuideReload::guide, GuideReload::outcome)
			.containsExactly(tuple("flux-lora", ReloadOutcome.UNCHANGED),
					tuple("legacy-defaults", ReloadOutcome.ACTIVATED));
	}

	@Test
	void whatASwapChangedIsRecordedOnceTheNewRevisionServes() {
		String before = this.registry.require("flux-lora").revision();
		changeLearningRate("flux-lora");
		this.registry.reload();
		String after = this.registry.require("flux-lora").revision();

		GuideChange change = await().atMost(Duration.ofSeconds(30))
			.until(() -> this.registry.lastChange("flux-lora"), (recorded) -> recorded != null);

		assertThat(change.diff().before().revision()).isEqualTo(before);
		assertThat(change.diff().after().revision()).isEqualTo(after);
		assertThat(change.diff().ranges()).extracting(GuideDiff.ChangedRange::text)
			.containsExactly("16–30: learningRate 0.00025 → 0.0003");
		this.registry.disposeRetired();
		assertThat(this.registry.curves("flux-lora", before).revision()).isEqualTo(before);
	}

	@Test
	void requestHoldingASwappedOutRevisionFinishesOnIt() {
		Guide held = this.registry.require("flux-lora");
		changeLearningRate("flux-lora");
		this.registry.reload();

		Evaluation evaluation = held.evaluate(ActorDataset.ofImages(20), ParameterOverrides.NONE);

		assertThat(evaluation.parameters().learningRate()).isEqualTo(0.00025);
		assertThat(this.registry.require("flux-lora").revision()).isNotEqualTo(held.revision());
	}

	@Test
	void aGuidesFirstRevisionHasItsCurvesWorkedOutOnceBeforeAnyoneAsks(CapturedOutput output) {
		String revision = this.registry.require("flux-lora").revision();
		String workedOut = "Guide 'flux-lora' revision " + revision + ": curves worked out";

		await().atMost(Duration.ofSeconds(30)).until(() -> output.getOut().contains(workedOut));
		this.registry.curves("flux-lora");
		this.registry.curves("flux-lora", revision);
		this.registry.diff("legacy-defaults", "flux-lora");

		assertThat(output.getOut().split(Pattern.quote(workedOut), -1)).hasSize(2);
	}

	private void breakSyntax(String guide) {
		RulesFolder.replace(this.rules.guide(guide).resolve("presets.drl"), "imageCount <= 30 )", "imageCount <= )");
	}

	/**
	 * An edit an ML lead makes: the learning rate of preset B, in the rules and in the
	 * cases.
	 */
	private void changeLearningRate(String guide) {
		Map<String, String> rates = Map.of("flux-lora", "0.00025", "legacy-defaults", "0.0004");
		for (String file : List.of("presets.drl", "defaults.drl", "cases.yaml")) {
			Path path = this.rules.guide(guide).resolve(file);
			if (path.toFile().exists() && RulesFolder.read(path).contains(rates.get(guide))) {
				RulesFolder.write(path, RulesFolder.read(path).replace(rates.get(guide), "0.0003"));
			}
		}
	}

	private double learningRateAt20Images(String guide) {
		return this.registry.require(guide)
			.evaluate(ActorDataset.ofImages(20), ParameterOverrides.NONE)
			.parameters()
			.learningRate();
	}

	private GuideState state(String id) {
		return this.registry.states().stream().filter((state) -> state.id().equals(id)).findFirst().orElseThrow();
	}

}
