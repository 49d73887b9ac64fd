package dev.loraguide.guide;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Passed verdicts kept on disk: a restart serves a revision that passed before without
 * starting a check process, and anything that could change the verdict checks again. The
 * check process here is a script that prints a prepared report and counts its runs
 * ({@link ScriptedChecks}); a new in-JVM map stands for a restarted JVM.
 */
class PassedVerdictsTests {

	private static final GuidesProperties.Gate SETTINGS = GuidesProperties.Gate.defaults();

	private static final int MAX_RULE_FIRINGS = 1000;

	private static final String BUILD = "build-1";

	@TempDir
	Path temp;

	private Path guide;

	private Path folder;

	private ScriptedChecks checks;

	@BeforeEach
	void guideFolder() throws IOException {
		this.guide = Files.createDirectories(this.temp.resolve("rules/flux-lora"));
		Files.writeString(this.guide.resolve("defaults.drl"), "// the rules\n");
		Files.writeString(this.guide.resolve("cases.yaml"), "cases: []\n");
		this.folder = this.temp.resolve("verdicts");
		this.checks = new ScriptedChecks(this.temp);
	}

	@Test
	void passedVerdictIsServedAfterARestartWithoutACheckProcess() throws IOException {
		GuideVerdict first = gate(passingCheck()).check(source());

		GuideVerdict again = gate(checkThatMustNotRun()).check(source());

		assertThat(checksRun()).isEqualTo(1);
		assertThat(again).isEqualTo(first);
		assertThat(again.presets()).isEqualTo(presets());
		assertThat(again.p99Micros()).isEqualTo(12.5);
		assertThat(again.casesRun()).isEqualTo(3);
		assertThat(again.description()).isEqualTo("A guide");
	}

	@Test
	void changedFileIsCheckedAgain() throws IOException {
		gate(passingCheck()).check(source());
		Files.writeString(this.guide.resolve("cases.yaml"), "cases: [] # edited\n");

		GuideVerdict verdict = gate(passingCheck()).check(source());

		assertThat(checksRun()).isEqualTo(2);
		assertThat(verdict.passed()).isTrue();
	}

	@Test
	void changedGateSettingIsCheckedAgain() throws IOException {
		gate(passingCheck()).check(source());
		GuidesProperties.Gate tighter = new GuidesProperties.Gate(SETTINGS.timeLimit(), SETTINGS.heap(),
				SETTINGS.maxFileSize(), Duration.ofMillis(2), this.folder.toString());

		new GuideGate(tighter, MAX_RULE_FIRINGS, passingCheck(),
				new PassedVerdicts(tighter, MAX_RULE_FIRINGS, () -> BUILD), new ConcurrentHashMap<>())
			.check(source());

		assertThat(checksRun()).isEqualTo(2);
	}

	@Test
	void changedBoundOnRulesFiredIsCheckedAgain() throws IOException {
		gate(passingCheck()).check(source());

		new GuideGate(settings(), 50, passingCheck(), new PassedVerdicts(settings(), 50, () -> BUILD),
				new ConcurrentHashMap<>())
			.check(source());

		assertThat(checksRun()).isEqualTo(2);
	}

	@Test
	void anotherBuildChecksAgain() throws IOException {
		gate(passingCheck()).check(source());

		gate(passingCheck(), "build-2").check(source());

		assertThat(checksRun()).isEqualTo(2);
	}

	@Test
	void corruptFileIsIgnoredAndTheCheckRuns() throws IOException {
		gate(passingCheck()).check(source());
		Path kept = onlyKeptFile();
		Files.writeString(kept, Files.readString(kept).substring(0, 40));

		GuideVerdict verdict = gate(passingCheck()).check(source());
		gate(checkThatMustNotRun()).check(source());

		assertThat(verdict.passed()).isTrue();
		assertThat(checksRun()).as("checked again once, then kept whole").isEqualTo(2);
	}

	@Test
	void refusedRevisionIsNotKept() throws IOException {
		GuideVerdict refused = gate(failingCheck()).check(source());

		gate(failingCheck()).check(source());

		assertThat(refused.passed()).isFalse();
		assertThat(checksRun()).isEqualTo(2);
		assertThat(keptFiles()).isEmpty();
	}

	@Test
	void folderThatCannotBeWrittenStillLetsTheRevisionPass() throws IOException {
		Files.writeString(this.folder, "a file where the folder should be");

		GuideVerdict verdict = gate(passingCheck()).check(source());

		assertThat(verdict.passed()).isTrue();
	}

	@Test
	void emptySettingKeepsNoVerdicts() throws IOException {
		GuidesProperties.Gate off = new Binder(
				new MapConfigurationPropertySource(Map.of("guides.dir", "rules", "guides.gate.verdicts", "")))
			.bindOrCreate("guides", GuidesProperties.class)
			.gate();
		assertThat(off.verdicts()).isEmpty();

		new GuideGate(off, MAX_RULE_FIRINGS, passingCheck(), new PassedVerdicts(off, MAX_RULE_FIRINGS, () -> BUILD),
				new ConcurrentHashMap<>())
			.check(source());
		new GuideGate(off, MAX_RULE_FIRINGS, passingCheck(), new PassedVerdicts(off, MAX_RULE_FIRINGS, () -> BUILD),
				new ConcurrentHashMap<>())
			.check(source());

		assertThat(checksRun()).isEqualTo(2);
	}

	@Test
	void defaultFolderIsBesideTheDecisionLogsDefaultFile() {
		GuidesProperties.Gate defaults = new Binder(new MapConfigurationPropertySource(Map.of("guides.dir", "rules")))
			.bindOrCreate("guides", GuidesProperties.class)
			.gate();

		assertThat(defaults.verdicts()).isEqualTo("data/gate-verdicts");
	}

	@Test
	void plantedVerdictForARevisionThatBreaksTheGuardrailsIsIgnored() throws IOException {
		Files.writeString(this.guide.resolve("defaults.drl"), "import java.io.File;\n");
		GuideSource source = source();
		PassedVerdicts passed = new PassedVerdicts(settings(), MAX_RULE_FIRINGS, () -> BUILD);
		passed.keep(passedVerdict(source.revision()));

		assertThat(onlyKeptFile()).exists();
		assertThat(passed.find(source)).isNull();
	}

	@Test
	void folderKeepsTheLastUsedVerdicts() throws IOException {
		PassedVerdicts passed = new PassedVerdicts(settings(), MAX_RULE_FIRINGS, () -> BUILD);
		passed.keep(passedVerdict("oldest"));
		Path oldest = onlyKeptFile();
		Files.setLastModifiedTime(oldest, FileTime.from(Instant.now().minus(Duration.ofDays(1))));

		for (int i = 0; i < PassedVerdicts.KEPT; i++) {
			passed.keep(passedVerdict("revision-" + i));
		}

		assertThat(keptFiles()).hasSize(PassedVerdicts.KEPT).doesNotContain(oldest);
	}

	private GuideGate gate(CheckCommandLine check) {
		return gate(check, BUILD);
	}

	private GuideGate gate(CheckCommandLine check, String build) {
		return new GuideGate(settings(), MAX_RULE_FIRINGS, check,
				new PassedVerdicts(settings(), MAX_RULE_FIRINGS, () -> build), new ConcurrentHashMap<>());
	}

	/** The default bounds, verdicts kept in this test's folder. */
	private GuidesProperties.Gate settings() {
		return new GuidesProperties.Gate(SETTINGS.timeLimit(), SETTINGS.heap(), SETTINGS.maxFileSize(),
				SETTINGS.p99Budget(), this.folder.toString());
	}

	private GuideSource source() {
		return GuideSource.read(this.guide);
	}

	private CheckCommandLine passingCheck() throws IOException {
		return this.checks.reporting(passedVerdict(source().revision()), GuideCheck.PASSED);
	}

	private CheckCommandLine failingCheck() throws IOException {
		return this.checks.reporting(failedVerdict(source().revision()), GuideCheck.FAILED);
	}

	private CheckCommandLine checkThatMustNotRun() throws IOException {
		return this.checks.mustNotRun();
	}

	private int checksRun() throws IOException {
		return this.checks.runs();
	}

	private Path onlyKeptFile() throws IOException {
		List<Path> kept = keptFiles();
		assertThat(kept).hasSize(1);
		return kept.get(0);
	}

	private List<Path> keptFiles() throws IOException {
		if (!Files.exists(this.folder)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(this.folder)) {
			return files.filter((file) -> file.toString().endsWith(".json")).toList();
		}
	}

	static GuideVerdict passedVerdict(String revision) {
		return new GuideVerdict("flux-lora", revision, "A guide", true, 3, 12.5, List.of(), presets());
	}

	static GuideVerdict failedVerdict(String revision) {
		return new GuideVerdict("flux-lora", revision, "A guide", false, 3, 12.5,
				List.of(GuideProblem.of("no preset for 54321 images")), presets());
	}

	private static List<PresetRow> presets() {
		return List.of(new PresetRow("S", "Small", 1, 29, 1500, 4.0e-4, 16, 16, 10, 100, "cosine"),
				new PresetRow("L", "Large", 30, null, 3000, 2.0e-4, 32, 16, 5, 150, "constant"));
	}

}
