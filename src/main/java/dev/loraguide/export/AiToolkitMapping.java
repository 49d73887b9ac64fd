package dev.loraguide.export;

import java.util.ArrayList;
import java.util.List;

import dev.loraguide.guide.fact.TrainingParameters;

/**
 * ostris ai-toolkit's job file ({@code python run.py <file>}), as YAML or, on request,
 * the same tree as JSON (its loader reads both). Steps are the only length unit: there
 * are no epochs. The scheduler and warmup follow {@link SchedulerMapping#AI_TOOLKIT}.
 * ai-toolkit reads the file as text first: it replaces {@code $}{@code {NAME}} anywhere
 * with an environment variable (and stops when it is unset) and {@code [name]} with the
 * job name, so a trigger word holding either is written so that it survives, and
 * reported. JSON has no comments, so the provenance note also goes in the job's
 * {@code meta}, which ai-toolkit copies into the LoRA file's metadata.
 */
final class AiToolkitMapping implements TrainerMapping {

	@Override
	public ExportPlan map(ExportSource source, ExportSettings settings) {
		TrainingParameters p = source.parameters();
		SchedulerMapping.Resolved scheduler = SchedulerMapping.AI_TOOLKIT.resolve(p.lrScheduler(), p.warmupSteps());
		List<LossyMapping> lossy = new ArrayList<>(scheduler.lossy());
		if (p.epochs() != null) {
			lossy.add(new LossyMapping("epochs", p.epochs(), null,
					"ai-toolkit has no epochs: train.steps is its only length, and repeats only change how long "
							+ "an epoch is"));
		}
		String trigger = triggerWord(source.triggerToken(), settings, lossy);
		boolean warmupParameter = "constant_with_warmup".equals(scheduler.scheduler());
		Tree process = new Tree().put("type", "sd_trainer")
			.put("training_folder", settings.outputDir())
			.put("device", "cuda:0")
			.put("trigger_word", trigger)
			.put("network",
					new Tree().put("type", "lora").put("linear", p.networkDim()).put("linear_alpha", p.networkAlpha()))
			.put("save", new Tree().put("dtype", "float16").put("save_every", 250).put("max_step_saves_to_keep", 4))
			.put("datasets",
					List.of(new Tree().put("folder_path", settings.datasetDir())
						.put("caption_ext", "txt")
						.put("num_repeats", p.repeats())
						.put("cache_latents_to_disk", true)
						.put("resolution", List.of(settings.resolution()))
						.toMap()))
			.put("train",
					new Tree().put("batch_size", settings.batchSize())
						.put("steps", p.maxTrainSteps())
						.put("lr", p.learningRate())
						.put("lr_scheduler", scheduler.scheduler())
						.put("lr_scheduler_params",
								warmupParameter ? new Tree().put("num_warmup_steps", scheduler.warmupSteps()) : null)
						.put("optimizer", "adamw8bit")
						.put("noise_scheduler", "flowmatch")
						.put("train_unet", true)
						.put("train_text_encoder", false)
						.put("gradient_checkpointing", true)
						.put("dtype", "bf16"))
			.put("model", new Tree().put("name_or_path", settings.model()).put("is_flux", true).put("quantize", true));
		Tree job = new Tree().put("job", "extension")
			.put("config", new Tree().put("name", settings.outputName()).put("process", List.of(process.toMap())))
			.put("meta",
					new Tree().put("name", "[name]")
						.put("version", "1.0")
						.put("lora_guide", ProvenanceNote.lines(TrainerFormat.AI_TOOLKIT, source, lossy)));
		ConfigDocument.Syntax syntax = settings.json() ? ConfigDocument.Syntax.JSON : ConfigDocument.Syntax.YAML;
		String file = settings.outputName() + (settings.json() ? ".json" : ".yaml");
		return new ExportPlan(List.of(new ConfigDocument(file, syntax, job.toMap())), List.of("python", "run.py", file),
				List.copyOf(lossy));
	}

	private static String triggerWord(String trigger, ExportSettings settings, List<LossyMapping> lossy) {
		if (trigger == null) {
			return null;
		}
		String written = trigger.replace("[name]", settings.outputName()).replace("${", "$ {");
		if (!written.equals(trigger)) {
			lossy.add(new LossyMapping("triggerToken", trigger, written,
					"ai-toolkit replaces [name] in its job file with the job name and ${NAME} with an environment "
							+ "variable; the trigger word is written as ai-toolkit would use it, with a space after $"));
		}
		return written;
	}

}
