package dev.loraguide.guide;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code check} command an ML lead runs before committing: problems as
 * {@code file:line:column: message}, each guide's preset table, and an exit status for
 * hooks and CI; with {@code --verdicts}, the passed verdict the service then uses.
 */
class GuideCheckTests {

	@TempDir
	Path temp;

	private final ByteArrayOutputStream output = new ByteArrayOutputStream();

	@Test
	void shippedGuidesPassAndPrintTheirPresetTables() {
		int status = check(RulesFolder.SHIPPED.toString());

		assertThat(status).isEqualTo(GuideCheck.PASSED);
		assertThat(output()).contains("flux-lora  revision ", "legacy-defaults  revision ")
			.contains("ok: compiles, one preset for every image count from 1 to 100000")
			.containsPattern("B +16-30 +2000 +0\\.00025 +16/8 +2 +400 +cosine +Standard \\(the default\\)")
			.containsPattern("XL +61\\+ +3000")
			.endsWith("2 guides checked, 0 failed\n");
	}

	@Test
	void brokenGuideFailsWithFileLineAndColumn() {
		Path guide = RulesFolder.copyInto(this.temp).guide("flux-lora");
		RulesFolder.replace(guide.resolve("presets.drl"), "imageCount <= 30 )", "imageCount <= )");

		int status = check(this.temp.toString());

		assertThat(status).isEqualTo(GuideCheck.FAILED);
		assertThat(output()).contains(guide.resolve("presets.drl") + ":24:51: [ERR 101]")
			.contains("FAILED: 1 problem")
			.endsWith("2 guides checked, 1 failed\n");
	}

	@Test
	void failingCaseIsPrintedWithItsPresetTable() {
		Path guide = RulesFolder.copyInto(this.temp).guide("flux-lora");
		RulesFolder.replace(guide.resolve("presets.drl"), "setLearningRate( 0.0001 )", "setLearningRate( 0.0002 )");

		int status = check(guide.toString());

		assertThat(status).isEqualTo(GuideCheck.FAILED);
		assertThat(output()).contains(guide.resolve("cases.yaml") + ":")
			.contains("learningRate want 0.0001, got 0.0002 (rules fired: ")
			.contains("\"Preset XL: 61 images and more\"")
			.containsPattern("XL +61\\+ +3000 +0\\.0002")
			.endsWith("1 guide checked, 1 failed\n");
	}

	@Test
	void missingFolderIsAUsageError() {
		StringWriter errors = new StringWriter();
		int status = GuideCheck.check(this.temp.resolve("nowhere"), stdout(), new PrintWriter(errors));

		assertThat(status).isEqualTo(GuideCheck.USAGE);
		assertThat(errors.toString()).startsWith("check: ").contains("is not a folder");
		assertThat(output()).isEmpty();
	}

	@Test
	void verdictKeptByTheCommandIsServedByTheGateWithoutACheckProcess() throws Exception {
		Path guide = RulesFolder.copyInto(this.temp.resolve("rules")).guide("legacy-defaults");
		Path verdicts = this.temp.resolve("verdicts");

		// The command checks in a JVM of its own, as the gate does; the build is this
		// JVM's, as it would be the same jar's (CheckVerdictsIT runs the packaged jar).
		int status = command().execute("--verdicts", verdicts.toString(), guide.toString());

		assertThat(status).as(output()).isEqualTo(GuideCheck.PASSED);
		assertThat(output()).contains("  kept in " + verdicts + "/")
			.contains("a service with these bounds and this jar serves this revision without checking it");
		ScriptedChecks checks = new ScriptedChecks(this.temp);
		GuidesProperties service = new Binder(new MapConfigurationPropertySource(
				Map.of("guides.dir", "rules", "guides.gate.verdicts", verdicts.toString())))
			.bindOrCreate("guides", GuidesProperties.class);
		GuideVerdict served = new GuideGate(service.gate(), service.maxRuleFirings(), checks.mustNotRun(),
				new PassedVerdicts(service.gate(), service.maxRuleFirings(), CheckerBuild::ofThisProcess),
				new ConcurrentHashMap<>())
			.check(GuideSource.read(guide));
		assertThat(served.passed()).isTrue();
		assertThat(served.presets()).isNotEmpty();
		assertThat(checks.runs()).as("check processes the service ran").isZero();
	}

	@Test
	void verdictsFolderThatCannotBeWrittenIsAUsageError() throws Exception {
		Path notAFolder = Files.writeString(this.temp.resolve("verdicts"), "a file");
		StringWriter errors = new StringWriter();

		int status = command().setErr(new PrintWriter(errors))
			.execute("--verdicts", notAFolder.toString(), RulesFolder.SHIPPED.toString());

		assertThat(status).isEqualTo(GuideCheck.USAGE);
		assertThat(errors.toString()).contains("--verdicts " + notAFolder + " is not a folder this command can write");
	}

	/** The command as the jar runs it, printing to {@link #output()}. */
	private CommandLine command() {
		return new CommandLine(new GuideCheck(stdout())).setCaseInsensitiveEnumValuesAllowed(true);
	}

	private int check(String folder) {
		return GuideCheck.check(Path.of(folder), stdout(), new PrintWriter(new StringWriter()));
	}

	private PrintStream stdout() {
		return new PrintStream(this.output, true, StandardCharsets.UTF_8);
	}

	private String output() {
		return this.output.toString(StandardCharsets.UTF_8);
	}

}
