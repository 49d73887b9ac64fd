package dev.loraguide.guide;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code check} command an ML lead runs before committing: problems as
 * {@code file:line:column: message}, each guide's preset table, and an exit status for
 * hooks and CI.
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
