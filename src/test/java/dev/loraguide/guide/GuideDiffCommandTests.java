package dev.loraguide.guide;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code diff} command on guide folders: its output, formats and exit codes. Against
 * a running service's URL it is exercised by {@link EditFlowTests}.
 */
class GuideDiffCommandTests {

	@TempDir
	Path dir;

	private RulesFolder rules;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final StringWriter err = new StringWriter();

	@BeforeEach
	void copyRules() {
		this.rules = RulesFolder.copyInto(this.dir);
	}

	@Test
	void editedGuidePrintsTheChangedRangesAndExitsOne() {
		Path edited = gentlerPresetB();

		int status = diff(this.rules.guide("flux-lora").toString(), edited.toString(), GuideDiffCommand.Format.text);

		assertThat(status).isEqualTo(GuideDiffCommand.DIFFERENT);
		assertThat(stdout()).contains("16–30: learningRate 0.00025 → 0.0002\n")
			.contains("1 range of image counts change");
		assertThat(this.err.toString()).isEmpty();
	}

	@Test
	void sameAnswersExitZero() {
		Path copy = this.rules.copyGuide("flux-lora", "copy");

		int status = diff(this.rules.guide("flux-lora").toString(), copy.toString(), GuideDiffCommand.Format.text);

		assertThat(status).isEqualTo(GuideDiffCommand.SAME);
		assertThat(stdout()).contains("no answer changes");
	}

	@Test
	void jsonFormatPrintsTheApisDiff() {
		Path edited = gentlerPresetB();

		diff(this.rules.guide("flux-lora").toString(), edited.toString(), GuideDiffCommand.Format.json);

		JsonNode diff = GuideCurvesSource.JSON.readTree(stdout());
		assertThat(diff.path("identical").asBoolean()).isFalse();
		assertThat(diff.path("ranges").get(0).path("fromImages").asInt()).isEqualTo(16);
		assertThat(diff.path("ranges").get(0).path("changes").get(0).path("after").asDouble()).isEqualTo(0.0002);
	}

	@Test
	void missingFolderIsAUsageErrorOnStderr() {
		int status = diff(this.dir.resolve("nope").toString(), this.rules.guide("flux-lora").toString(),
				GuideDiffCommand.Format.text);

		assertThat(status).isEqualTo(GuideDiffCommand.USAGE);
		assertThat(this.err.toString()).startsWith("diff: ").contains("nope is not a folder");
		assertThat(stdout()).isEmpty();
	}

	@Test
	void guideThatDoesNotCompileIsAUsageErrorPointingAtTheLine() {
		Path broken = this.rules.copyGuide("flux-lora", "broken");
		RulesFolder.replace(broken.resolve("presets.drl"), "rule \"Preset B: 16 to 30 images\"\nwhen",
				"rule \"Preset B: 16 to 30 images\"\nwhen nonsense(");

		int status = diff(this.rules.guide("flux-lora").toString(), broken.toString(), GuideDiffCommand.Format.text);

		assertThat(status).isEqualTo(GuideDiffCommand.USAGE);
		assertThat(this.err.toString()).contains("does not compile").contains("presets.drl:");
	}

	@Test
	void helpNamesTheSidesAndTheExitCodes() {
		StringWriter help = new StringWriter();
		CommandLine command = new CommandLine(new GuideDiffCommand()).setOut(new PrintWriter(help));

		assertThat(command.execute("--help")).isZero();
		assertThat(help.toString()).contains("BEFORE", "AFTER", "--format", "Exit codes:", "some answers differ");
	}

	private Path gentlerPresetB() {
		Path edited = this.rules.copyGuide("flux-lora", "gentle");
		RulesFolder.replace(edited.resolve("presets.drl"), "setLearningRate( 0.00025 )", "setLearningRate( 0.0002 )");
		return edited;
	}

	private int diff(String before, String after, GuideDiffCommand.Format format) {
		return GuideDiffCommand.diff(before, after, format, new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintWriter(this.err, true));
	}

	private String stdout() {
		return this.out.toString(StandardCharsets.UTF_8);
	}

}
