package dev.loraguide.export;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.loraguide.guide.fact.TrainingParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Whatever an actor's name holds, it stays a value: the TOML, YAML and JSON read back the
 * very text, comments stay comments, and the launch command runs the words it was made
 * of.
 */
class HostileTextTests {

	/**
	 * Quotes of both kinds, a backslash, command substitution, a variable, ai-toolkit's
	 * placeholders, a newline followed by what looks like a TOML table and a YAML key, a
	 * bell, a right-to-left override and a zero-width space.
	 */
	static final String HOSTILE = "Jane \"J\" O'Doe \\ $(touch pwned) `id` ${HOME} [name]\n[x]\nkey: v\u0007\u202Eevil\u200B";

	private static final TrainingParameters PARAMETERS = new TrainingParameters(1800, 0.0003, 16, 8, 2, 39, 360,
			"cosine");

	@TempDir
	Path temp;

	@Test
	void kohyaFilesReadBackTheExactTriggerInClassTokensAndCaptionPrefix() {
		TrainerExport export = Exports.export(Exports.of(PARAMETERS, 23, HOSTILE), TrainerFormat.KOHYA,
				new ExportOptions(null, null, null, null, null, null, null, null, null, true, null));

		var subset = Exports.toml(Exports.file(export, "dataset.toml")).at("/datasets/0/subsets/0");
		assertThat(subset.get("class_tokens").asString()).isEqualTo(HOSTILE);
		assertThat(subset.get("caption_prefix").asString()).isEqualTo(HOSTILE + ", ");
		assertThat(Exports.kohyaArguments(Exports.file(export, "train.toml")).get("output_name").asString())
			.isEqualTo("jane_j_o_doe_touch_pwned_id_home_name_x_key_v_evil");
	}

	@Test
	void fluxgymDatasetReadsBackTheExactTrigger() {
		TrainerExport export = Exports.export(Exports.of(PARAMETERS, 23, HOSTILE), TrainerFormat.FLUXGYM);

		assertThat(
				Exports.toml(Exports.file(export, "dataset.toml")).at("/datasets/0/subsets/0/class_tokens").asString())
			.isEqualTo(HOSTILE);
	}

	@Test
	@SuppressWarnings("unchecked")
	void aiToolkitYamlReadsBackTheTriggerAsAiToolkitWillUseIt() {
		TrainerExport export = Exports.export(Exports.of(PARAMETERS, 23, HOSTILE), TrainerFormat.AI_TOOLKIT,
				new ExportOptions(null, null, null, null, null, null, "jane", null, null, null, null));

		Map<String, Object> job = Exports.yaml(Exports.file(export, "jane.yaml"));
		Map<String, Object> process = ((List<Map<String, Object>>) ((Map<String, Object>) job.get("config"))
			.get("process")).get(0);
		String asUsed = HOSTILE.replace("[name]", "jane").replace("${", "$ {");
		assertThat(process.get("trigger_word")).isEqualTo(asUsed);
		assertThat(job.keySet()).containsExactly("job", "config", "meta");
		assertThat(Exports.file(export, "jane.yaml").content()).doesNotContain("${");
	}

	@Test
	void aiToolkitJsonReadsBackTheSameTrigger() {
		TrainerExport export = Exports.export(Exports.of(PARAMETERS, 23, HOSTILE), TrainerFormat.AI_TOOLKIT,
				new ExportOptions(null, null, null, null, null, null, "jane", null, null, null, "json"));

		assertThat(Exports.json(Exports.file(export, "jane.json")).at("/config/process/0/trigger_word").asString())
			.isEqualTo(HOSTILE.replace("[name]", "jane").replace("${", "$ {"));
	}

	@Test
	void everyCommentLineStartsWithAHashAndShowsTheInvisibleCharactersEscaped() {
		for (TrainerFormat format : List.of(TrainerFormat.KOHYA, TrainerFormat.AI_TOOLKIT, TrainerFormat.FLUXGYM)) {
			TrainerExport export = Exports.export(Exports.of(PARAMETERS, 23, HOSTILE), format);
			for (ExportFile file : export.files()) {
				String header = file.content().substring(0, file.content().indexOf("\n\n"));
				assertThat(header.lines()).as(format + " " + file.path())
					.allMatch((line) -> line.startsWith("# ") || line.equals("#!/bin/sh"));
				assertThat(header).doesNotContain("\u0007", "\u202E", "\u200B", "${");
			}
		}
	}

	@Test
	void inertTextEscapesWhatCouldEndReorderOrHideInALine() {
		assertThat(InertText.of("a\nb\rc\u2028d\u202Ee\u200Bf\u0000g\\h${i}"))
			.isEqualTo("a\\u000Ab\\u000Dc\\u2028d\\u202Ee\\u200Bf\\u0000g\\\\h$\\u007Bi}");
	}

	@Test
	void quotedWordsComeBackFromShUnchanged() {
		List<String> words = List.of("plain", "two words", "it's", "'", "''", "\"", "\\", "$(touch pwned)", "`id`",
				"${HOME}", "a;b|c&d>e<f", "*", "~", "x=y", "-n", "line\nbreak", "\u0007bell", "\u202Eevil", "Zoë", "");

		assertThat(Exports.shellWords(PosixShell.command(words))).isEqualTo(words);
	}

	@Test
	void launchScriptRunsExactlyItsCommandWithHostilePaths() {
		String folder = "/data/it's $(touch pwned) `id` \"x\" \\ ; rm -rf ~";
		TrainerExport export = Exports.export(Exports.of(PARAMETERS, 23, HOSTILE), TrainerFormat.FLUXGYM,
				new ExportOptions("/models/o'flux $(x).safetensors", null, null, null, folder, "out dir", null, null,
						null, null, null));

		List<String> words = Exports.scriptWords(Exports.file(export, "train.sh"), this.temp);
		assertThat(PosixShell.command(words)).isEqualTo(export.command());
		assertThat(words).containsSequence("--pretrained_model_name_or_path", "/models/o'flux $(x).safetensors")
			.containsSequence("--output_dir", "out dir");
		assertThat(this.temp.resolve("pwned")).doesNotExist();
		assertThat(Exports.toml(Exports.file(export, "dataset.toml")).at("/datasets/0/subsets/0/image_dir").asString())
			.isEqualTo(folder);
	}

	@Test
	void pathsWithControlCharactersAreRefusedNamingTheOption() {
		assertThatThrownBy(
				() -> new ExportOptions(null, null, null, null, "/data/a\nb", null, null, null, null, null, null))
			.isInstanceOfSatisfying(InvalidExportOptionException.class,
					(ex) -> assertThat(ex.field()).isEqualTo("datasetDir"));
	}

	@Test
	void outputNameDefaultsToASafeSlugOfTheTrigger() {
		assertThat(Slug.of("Jane Doe", "lora")).isEqualTo("jane_doe");
		assertThat(Slug.of("Zoë O'Brien-Smith", "lora")).isEqualTo("zoe_o_brien_smith");
		assertThat(Slug.of("\u202E$()", "lora")).isEqualTo("lora");
		assertThat(Slug.of(null, "lora")).isEqualTo("lora");
		assertThat(Slug.of("x".repeat(100), "lora")).hasSize(Slug.MAX_LENGTH);
	}

}
