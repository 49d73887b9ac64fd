package dev.loraguide.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.loraguide.guide.fact.ParameterOverrides;
import dev.loraguide.guide.fact.TrainingParameters;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every shipped guide × every trainer × one image count per preset, for "Jane Doe": the
 * files must equal the approved ones kept in {@code src/test/resources/export/approved}
 * (so a change to a guide or a mapping shows as a diff in review) and read back, with a
 * parser, the recommendation's values under the trainer's keys.
 * <p>
 * The guide revision is replaced by {@code <revision>} in the approved files, so that an
 * edit of a guide that changes no number does not touch them. To approve new output, run
 * {@code ./mvnw test -Dtest=ApprovedExportsTests -Dexport.approve=true} and review the
 * diff.
 */
class ApprovedExportsTests {

	static final Path APPROVED = Path.of("src/test/resources/export/approved");

	private static final boolean APPROVE = Boolean.getBoolean("export.approve");

	@TempDir
	Path temp;

	/** One image count in each preset of each shipped guide. */
	static Stream<Arguments> exports() {
		Map<String, List<Integer>> counts = Map.of("flux-lora", List.of(10, 23, 45, 80), "legacy-defaults",
				List.of(23));
		return counts.entrySet()
			.stream()
			.flatMap((guide) -> guide.getValue()
				.stream()
				.flatMap((images) -> Stream.of(TrainerFormat.values())
					.map((format) -> Arguments.of(guide.getKey(), images, format))));
	}

	@ParameterizedTest(name = "{0}, {1} images, {2}")
	@MethodSource("exports")
	void filesEqualTheApprovedOnes(String guide, int images, TrainerFormat format) throws IOException {
		TrainerExport export = Exports.export(Exports.ofGuide(guide, images, "Jane Doe", ParameterOverrides.NONE),
				format);
		Path folder = APPROVED.resolve(guide).resolve(images + "-images").resolve(format.id());
		for (ExportFile file : export.files()) {
			String content = file.content().replace(export.guide().revision(), "<revision>");
			Path approved = folder.resolve(file.path());
			if (APPROVE) {
				Files.createDirectories(folder);
				Files.writeString(approved, content, StandardCharsets.UTF_8);
			}
			assertThat(approved).as("approved file; see the class comment to approve").exists();
			assertThat(content).as(approved.toString()).isEqualTo(Files.readString(approved, StandardCharsets.UTF_8));
		}
		try (Stream<Path> approvedFiles = Files.list(folder)) {
			assertThat(approvedFiles.map((path) -> path.getFileName().toString()))
				.containsExactlyInAnyOrderElementsOf(export.files().stream().map(ExportFile::path).toList());
		}
	}

	@ParameterizedTest(name = "{0}, {1} images, {2}")
	@MethodSource("exports")
	void filesReadBackTheRecommendation(String guide, int images, TrainerFormat format) {
		ExportSource source = Exports.ofGuide(guide, images, "Jane Doe", ParameterOverrides.NONE);
		TrainerExport export = Exports.export(source, format);
		TrainingParameters p = source.parameters();
		assertThat(Exports.scriptWords(Exports.file(export, "train.sh"), this.temp))
			.containsExactlyElementsOf(Exports.shellWords(export.command()));
		switch (format) {
			case KOHYA -> {
				JsonNode args = Exports.kohyaArguments(Exports.file(export, "train.toml"));
				assertThat(args.get("network_module").asString()).isEqualTo("networks.lora_flux");
				assertThat(args.get("network_dim").asInt()).isEqualTo(p.networkDim());
				assertThat(args.get("network_alpha").asInt()).isEqualTo(p.networkAlpha());
				assertThat(args.get("learning_rate").asDouble()).isEqualTo(p.learningRate());
				assertThat(args.get("lr_scheduler").asString()).isEqualTo(p.lrScheduler());
				assertThat(args.get("lr_warmup_steps").isIntegralNumber()).isTrue();
				assertThat(args.get("lr_warmup_steps").asInt()).isEqualTo(p.warmupSteps());
				assertThat(args.get("max_train_steps").asInt()).isEqualTo(p.maxTrainSteps());
				assertThat(args.has("max_train_epochs")).isFalse();
				assertThat(args.get("dataset_config").asString()).isEqualTo("dataset.toml");
				assertThat(args.get("output_name").asString()).isEqualTo("jane_doe");
				assertDataset(export, p);
			}
			case FLUXGYM -> {
				List<String> words = Exports.shellWords(export.command());
				assertThat(words).containsSequence("--network_dim", p.networkDim().toString())
					.containsSequence("--learning_rate", Tree.decimal(p.learningRate()).toPlainString())
					.containsSequence("--max_train_epochs", p.epochs().toString())
					.containsSequence("--network_alpha", p.networkAlpha().toString())
					.containsSequence("--dataset_config", "dataset.toml")
					.doesNotContain("--max_train_steps");
				assertDataset(export, p);
			}
			case AI_TOOLKIT -> {
				Map<String, Object> job = Exports.yaml(Exports.file(export, "jane_doe.yaml"));
				assertThat(job).containsEntry("job", "extension");
				JsonNode process = Exports.json(new ExportFile("", "", toJson(job))).at("/config/process/0");
				assertThat(process.get("type").asString()).isEqualTo("sd_trainer");
				assertThat(process.get("trigger_word").asString()).isEqualTo("Jane Doe");
				assertThat(process.at("/network/linear").asInt()).isEqualTo(p.networkDim());
				assertThat(process.at("/network/linear_alpha").asInt()).isEqualTo(p.networkAlpha());
				assertThat(process.at("/train/steps").asInt()).isEqualTo(p.maxTrainSteps());
				assertThat(process.at("/train/lr").asDouble()).isEqualTo(p.learningRate());
				assertThat(process.at("/train/lr_scheduler").asString()).isEqualTo(p.lrScheduler());
				assertThat(process.at("/datasets/0/num_repeats").asInt()).isEqualTo(p.repeats());
			}
		}
	}

	private static void assertDataset(TrainerExport export, TrainingParameters p) {
		JsonNode dataset = Exports.toml(Exports.file(export, "dataset.toml"));
		assertThat(KohyaDatasetSchema.problems(dataset)).isEmpty();
		assertThat(dataset.at("/datasets/0/subsets/0/num_repeats").asInt()).isEqualTo(p.repeats());
		assertThat(dataset.at("/datasets/0/subsets/0/class_tokens").asString()).isEqualTo("Jane Doe");
		assertThat(dataset.at("/datasets/0/subsets/0/image_dir").asString()).isEqualTo("/data/jane_doe");
		assertThat(dataset.at("/datasets/0/resolution").asInt()).isEqualTo(1024);
	}

	private static String toJson(Object tree) {
		return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(tree);
	}

}
