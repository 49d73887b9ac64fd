package dev.loraguide.export;

import java.util.Map;

import dev.loraguide.guide.fact.TrainingParameters;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every place a trainer cannot take what the guide said is resolved into a config the
 * trainer accepts and reads as meant, and is reported: in the answer and at the top of
 * every file.
 */
class LossyMappingTests {

	private static final int IMAGES = 23;

	private static TrainingParameters parameters(String scheduler, int warmup) {
		return new TrainingParameters(1800, 0.0003, 16, 8, 2, 39, warmup, scheduler);
	}

	private static LossyMapping lossy(TrainerExport export, String parameter) {
		return export.lossy()
			.stream()
			.filter((mapping) -> mapping.parameter().equals(parameter))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no lossy mapping of " + parameter + " in " + export.lossy()));
	}

	@Test
	void kohyaWritesConstantWithAWarmupAsConstantWithWarmupBecauseConstantRaises() {
		TrainerExport export = Exports.export(Exports.of(parameters("constant", 150), IMAGES, "tok"),
				TrainerFormat.KOHYA);

		JsonNode args = Exports.kohyaArguments(Exports.file(export, "train.toml"));
		assertThat(args.get("lr_scheduler").asString()).isEqualTo("constant_with_warmup");
		assertThat(args.get("lr_warmup_steps").asInt()).isEqualTo(150);
		assertThat(lossy(export, "lrScheduler")).isEqualTo(new LossyMapping("lrScheduler", "constant",
				"constant_with_warmup", SchedulerMapping.KOHYA.withWarmup().get("constant").reason()));
	}

	@Test
	void kohyaKeepsConstantWithoutWarmupAsItIs() {
		TrainerExport export = Exports.export(Exports.of(parameters("constant", 0), IMAGES, "tok"),
				TrainerFormat.KOHYA);

		JsonNode args = Exports.kohyaArguments(Exports.file(export, "train.toml"));
		assertThat(args.get("lr_scheduler").asString()).isEqualTo("constant");
		assertThat(args.get("lr_warmup_steps").asInt()).isZero();
		assertThat(export.lossy()).noneMatch((mapping) -> mapping.parameter().equals("lrScheduler"));
	}

	@Test
	void kohyaWarmupIsATomlIntegerSoKohyaReadsStepsNotAFraction() {
		// a TOML 1.0 would make kohya warm up for the whole run (1.0 × the steps)
		TrainerExport export = Exports.export(Exports.of(parameters("cosine", 1), IMAGES, "tok"), TrainerFormat.KOHYA);

		JsonNode warmup = Exports.kohyaArguments(Exports.file(export, "train.toml")).get("lr_warmup_steps");
		assertThat(warmup.isIntegralNumber()).as("lr_warmup_steps is a TOML integer").isTrue();
		assertThat(warmup.asInt()).isEqualTo(1);
		assertThat(Exports.file(export, "train.toml").content()).contains("lr_warmup_steps = 1\n");
	}

	@Test
	void kohyaWritesStepsAndNeverEpochsBecauseEpochsWouldOverrideThem() {
		TrainerExport export = Exports.export(Exports.of(parameters("cosine", 360), IMAGES, "tok"),
				TrainerFormat.KOHYA);

		JsonNode args = Exports.kohyaArguments(Exports.file(export, "train.toml"));
		assertThat(args.get("max_train_steps").asInt()).isEqualTo(1800);
		assertThat(args.has("max_train_epochs")).isFalse();
		assertThat(lossy(export, "epochs").wanted()).isEqualTo(39);
		assertThat(lossy(export, "epochs").written()).isNull();
	}

	@Test
	void aiToolkitCosineTakesNoWarmupSoTheWarmupIsLeftOutAndReported() {
		TrainerExport export = Exports.export(Exports.of(parameters("cosine", 360), IMAGES, "tok"),
				TrainerFormat.AI_TOOLKIT);

		Map<String, Object> train = aiToolkitTrain(export);
		assertThat(train).containsEntry("lr_scheduler", "cosine").doesNotContainKey("lr_scheduler_params");
		assertThat(lossy(export, "warmupSteps")).extracting(LossyMapping::wanted, LossyMapping::written)
			.containsExactly(360, null);
	}

	@Test
	void aiToolkitConstantWithWarmupAlwaysCarriesItsWarmupBecauseItFallsBackTo1000Steps() {
		TrainerExport export = Exports.export(Exports.of(parameters("constant_with_warmup", 0), IMAGES, "tok"),
				TrainerFormat.AI_TOOLKIT);

		Map<String, Object> train = aiToolkitTrain(export);
		assertThat(train).containsEntry("lr_scheduler", "constant_with_warmup")
			.containsEntry("lr_scheduler_params", Map.of("num_warmup_steps", 0));
	}

	@Test
	void aiToolkitConstantWithAWarmupBecomesConstantWithWarmupWithThoseSteps() {
		TrainerExport export = Exports.export(Exports.of(parameters("constant", 150), IMAGES, "tok"),
				TrainerFormat.AI_TOOLKIT);

		Map<String, Object> train = aiToolkitTrain(export);
		assertThat(train).containsEntry("lr_scheduler", "constant_with_warmup")
			.containsEntry("lr_scheduler_params", Map.of("num_warmup_steps", 150));
		assertThat(lossy(export, "lrScheduler").written()).isEqualTo("constant_with_warmup");
	}

	@Test
	void aiToolkitLinearRaisesTheRateSoALinearScheduleIsWrittenAsConstantAndReported() {
		TrainerExport export = Exports.export(Exports.of(parameters("linear", 0), IMAGES, "tok"),
				TrainerFormat.AI_TOOLKIT);

		assertThat(aiToolkitTrain(export)).containsEntry("lr_scheduler", "constant");
		assertThat(lossy(export, "lrScheduler")).extracting(LossyMapping::wanted, LossyMapping::written)
			.containsExactly("linear", "constant");
	}

	@Test
	void aiToolkitHasNoEpochsSoOnlyStepsAreWrittenAndEpochsReported() {
		TrainerExport export = Exports.export(Exports.of(parameters("cosine", 0), IMAGES, "tok"),
				TrainerFormat.AI_TOOLKIT);

		assertThat(aiToolkitTrain(export)).containsEntry("steps", 1800).doesNotContainKey("epochs");
		assertThat(lossy(export, "epochs")).extracting(LossyMapping::wanted, LossyMapping::written)
			.containsExactly(39, null);
	}

	@Test
	void fluxgymPassesAlphaSchedulerAndWarmupOnlyAsExtraFlagsAndReportsThem() {
		TrainerExport export = Exports.export(Exports.of(parameters("cosine", 360), IMAGES, "tok"),
				TrainerFormat.FLUXGYM);

		assertThat(export.command()).endsWith("--network_alpha 8 --lr_scheduler cosine --lr_warmup_steps 360");
		assertThat(lossy(export, "networkAlpha").reason()).contains("fluxgym's form never passes network_alpha");
		assertThat(lossy(export, "lrScheduler").reason()).contains("never passes lr_scheduler");
		assertThat(lossy(export, "warmupSteps").reason()).contains("never passes lr_warmup_steps");
	}

	@Test
	void fluxgymWritesConstantWithAWarmupAsConstantWithWarmupLikeKohya() {
		TrainerExport export = Exports.export(Exports.of(parameters("constant", 150), IMAGES, "tok"),
				TrainerFormat.FLUXGYM);

		assertThat(export.command()).contains("--lr_scheduler constant_with_warmup --lr_warmup_steps 150");
		assertThat(lossy(export, "lrScheduler").reason()).startsWith("kohya raises on constant");
	}

	@Test
	void fluxgymWritesEpochsAndReportsTheStepsTheyGiveAtBatchOne() {
		TrainerExport export = Exports.export(
				Exports.of(new TrainingParameters(2000, 0.0003, 16, 8, 2, 43, 0, "cosine"), 23, "tok"),
				TrainerFormat.FLUXGYM);

		assertThat(export.command()).contains("--max_train_epochs 43").doesNotContain("--max_train_steps");
		assertThat(lossy(export, "maxTrainSteps")).extracting(LossyMapping::wanted, LossyMapping::written)
			.containsExactly(2000, 1978L);
		assertThat(lossy(export, "maxTrainSteps").reason())
			.isEqualTo("fluxgym trains for epochs: 43 epochs × 23 images × 2 repeats at batch 1 = 1978 steps");
	}

	@Test
	void fluxgymStepsRoundEachEpochUpToWholeBatches() {
		// 23 images × 1 repeat at batch 2: 12 steps an epoch (the last batch holds one
		// image)
		TrainerExport export = Exports.export(
				Exports.of(new TrainingParameters(2000, 0.0003, 16, 8, 1, 87, 0, "cosine"), 23, "tok"),
				TrainerFormat.FLUXGYM,
				new ExportOptions(null, null, null, null, null, null, null, null, 2, null, null));

		assertThat(lossy(export, "maxTrainSteps").written()).isEqualTo(87L * 12);
		assertThat(Exports.toml(Exports.file(export, "dataset.toml")).at("/datasets/0/batch_size").asInt())
			.isEqualTo(2);
	}

	@Test
	void fluxgymDerivesEpochsFromStepsWhenTheGuideGaveNone() {
		TrainerExport export = Exports.export(
				Exports.of(new TrainingParameters(2000, 0.0003, 16, 8, 2, null, 0, "cosine"), 23, "tok"),
				TrainerFormat.FLUXGYM);

		assertThat(export.command()).contains("--max_train_epochs 43");
	}

	@Test
	void everyFileNamesItsGuideRevisionRecommendationAndLossyMappingsOnTop() {
		for (TrainerFormat format : TrainerFormat.values()) {
			TrainerExport export = Exports.export(Exports.of(parameters("cosine", 360), IMAGES, "tok"), format);
			for (ExportFile file : export.files()) {
				String top = file.content().startsWith("#!")
						? file.content().substring(file.content().indexOf('\n') + 1) : file.content();
				assertThat(top).as(format + " " + file.path())
					.startsWith("# Exported by lora-guide for " + format.id()
							+ " from guide test-guide, revision 0123456789abcdef, recommendation "
							+ Exports.RECOMMENDATION + ".\n# Lossy mappings (where " + format.id());
				for (LossyMapping mapping : export.lossy()) {
					assertThat(top).contains("# - " + mapping.parameter() + ": guide ");
				}
			}
		}
	}

	@Test
	void aiToolkitJsonCarriesTheNoteInItsMetaBecauseJsonHasNoComments() {
		TrainerExport export = Exports.export(Exports.of(parameters("cosine", 360), IMAGES, "tok"),
				TrainerFormat.AI_TOOLKIT,
				new ExportOptions(null, null, null, null, null, null, null, null, null, null, "json"));

		JsonNode job = Exports.json(Exports.file(export, "tok.json"));
		assertThat(job.at("/meta/lora_guide/0").asString()).startsWith("Exported by lora-guide for ai-toolkit");
		assertThat(job.at("/meta/lora_guide/2").asString()).startsWith("- warmupSteps: guide 360, written nothing.");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> aiToolkitTrain(TrainerExport export) {
		Map<String, Object> job = Exports.yaml(Exports.file(export, "tok.yaml"));
		Map<String, Object> config = (Map<String, Object>) job.get("config");
		Map<String, Object> process = ((java.util.List<Map<String, Object>>) config.get("process")).get(0);
		return (Map<String, Object>) process.get("train");
	}

}
