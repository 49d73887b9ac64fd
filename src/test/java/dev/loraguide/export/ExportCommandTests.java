package dev.loraguide.export;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The offline {@code export} command, as a pipeline without a server runs it. */
class ExportCommandTests {

	@TempDir
	Path temp;

	private final StringWriter out = new StringWriter();

	private final StringWriter err = new StringWriter();

	private int export(String... args) {
		return ExportCommand.run(new PrintWriter(this.out), new PrintWriter(this.err), args);
	}

	@Test
	void writesTheTrainersFilesAndPrintsCommandAndLossyMappings() throws Exception {
		Path out = this.temp.resolve("run");

		int status = export("rules/flux-lora", "--images", "23", "--actor", "Jane Doe", "--trainer", "kohya", "--out",
				out.toString());

		assertThat(status).as(this.err.toString()).isEqualTo(ExportCommand.WRITTEN);
		assertThat(out.resolve("train.toml")).content().contains("max_train_steps = 2000", "network_dim = 16");
		assertThat(out.resolve("dataset.toml")).content().contains("class_tokens = 'Jane Doe'");
		assertThat(out.resolve("train.sh")).exists();
		assertThat(this.out.toString()).contains("kohya export of guide flux-lora", "--config_file train.toml",
				"- epochs: guide 43, written nothing.");
	}

	@Test
	void overridesAndJsonOutputForPipelines() {
		int status = export("rules/flux-lora", "--images", "23", "--trainer", "ai-toolkit", "--set",
				"maxTrainSteps=1800", "--format", "json", "--out", this.temp.toString());

		assertThat(status).as(this.err.toString()).isEqualTo(ExportCommand.WRITTEN);
		JsonNode printed = JsonMapper.builder().build().readTree(this.out.toString());
		assertThat(printed.get("format").asString()).isEqualTo("ai-toolkit");
		assertThat(printed.at("/files/0/path").asString()).isEqualTo("lora.yaml");
		assertThat(Files.exists(this.temp.resolve("lora.yaml"))).isTrue();
		assertThat(printed.at("/files/0/content").asString()).contains("steps: 1800");
	}

	@Test
	void badInputIsAUsageErrorOnStderr() {
		assertThat(export("--images", "23", "--trainer", "onetrainer", "--out", this.temp.toString()))
			.isEqualTo(ExportCommand.USAGE);
		assertThat(this.err.toString()).startsWith("export: format must be one of kohya, ai-toolkit, fluxgym");
		assertThat(export("nowhere", "--images", "23", "--trainer", "kohya", "--out", this.temp.toString()))
			.isEqualTo(ExportCommand.USAGE);
		assertThat(export("--images", "23", "--trainer", "kohya", "--set", "learningRate=5", "--out",
				this.temp.toString()))
			.isEqualTo(ExportCommand.USAGE);
		assertThat(this.err.toString()).contains("--set learningRate must be less than or equal to 1");
		assertThat(this.out.toString()).isEmpty();
	}

	@Test
	void refusedGuideExitsWithItsProblems() throws Exception {
		Path guide = Files.createDirectories(this.temp.resolve("broken"));
		Files.writeString(guide.resolve("guide.yaml"), "description: broken\n");
		Files.writeString(guide.resolve("rules.drl"), "rule \"x\" when then end oops");

		int status = export(guide.toString(), "--images", "23", "--trainer", "kohya", "--out",
				this.temp.resolve("out").toString());

		assertThat(status).isEqualTo(ExportCommand.GUIDE_REFUSED);
		assertThat(this.err.toString()).contains("is refused");
	}

	@Test
	void helpListsTheExitCodes() {
		assertThat(export("--help")).isZero();
		assertThat(this.out.toString()).contains("--trainer", "--caption-prefix", "Exit codes:",
				"3   the files could not be written");
	}

}
