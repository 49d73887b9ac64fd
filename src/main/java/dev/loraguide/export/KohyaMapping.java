package dev.loraguide.export;

import java.util.ArrayList;
import java.util.List;

import dev.loraguide.guide.fact.TrainingParameters;

/**
 * kohya sd-scripts {@code flux_train_network.py}: the training arguments in
 * {@code train.toml} (for {@code --config_file}; kohya flattens its sections, which are
 * only for reading) and the dataset in {@code dataset.toml}. Steps are the length unit:
 * {@code max_train_epochs} is never written because it would override
 * {@code max_train_steps}. Warmup is written as a TOML integer, which kohya reads as
 * steps (a float would be read as a fraction of the training steps). The FLUX settings
 * are those of kohya's FLUX document.
 */
final class KohyaMapping implements TrainerMapping {

	static final String TRAIN_FILE = "train.toml";

	@Override
	public ExportPlan map(ExportSource source, ExportSettings settings) {
		TrainingParameters p = source.parameters();
		SchedulerMapping.Resolved scheduler = SchedulerMapping.KOHYA.resolve(p.lrScheduler(), p.warmupSteps());
		Tree train = new Tree()
			.put("model",
					new Tree().put("pretrained_model_name_or_path", settings.model())
						.put("clip_l", settings.clipL())
						.put("t5xxl", settings.t5xxl())
						.put("ae", settings.ae()))
			.put("network",
					new Tree().put("network_module", "networks.lora_flux")
						.put("network_dim", p.networkDim())
						.put("network_alpha", p.networkAlpha())
						.put("network_train_unet_only", true))
			.put("optimizer",
					new Tree().put("optimizer_type", "AdamW8bit")
						.put("learning_rate", p.learningRate())
						.put("lr_scheduler", scheduler.scheduler())
						.put("lr_warmup_steps", scheduler.warmupSteps())
						.put("max_train_steps", p.maxTrainSteps()))
			.put("flux",
					new Tree().put("guidance_scale", 1.0)
						.put("timestep_sampling", "flux_shift")
						.put("model_prediction_type", "raw"))
			.put("memory",
					new Tree().put("mixed_precision", "bf16")
						.put("fp8_base", true)
						.put("gradient_checkpointing", true)
						.put("sdpa", true)
						.put("cache_latents_to_disk", true)
						.put("cache_text_encoder_outputs", true)
						.put("cache_text_encoder_outputs_to_disk", true))
			.put("output",
					new Tree().put("dataset_config", KohyaDataset.FILE)
						.put("output_dir", settings.outputDir())
						.put("output_name", settings.outputName())
						.put("save_model_as", "safetensors")
						.put("save_precision", "bf16"));
		List<LossyMapping> lossy = new ArrayList<>(scheduler.lossy());
		if (p.epochs() != null) {
			lossy.add(new LossyMapping("epochs", p.epochs(), null,
					"kohya's max_train_epochs would override max_train_steps; the guide's steps are written and "
							+ "kohya stops when it reaches them"));
		}
		List<String> command = new ArrayList<>(KohyaDataset.LAUNCH);
		command.addAll(List.of("--config_file", TRAIN_FILE));
		return new ExportPlan(List.of(new ConfigDocument(TRAIN_FILE, ConfigDocument.Syntax.TOML, train.toMap()),
				KohyaDataset.of(source, settings, null, true)), command, List.copyOf(lossy));
	}

}
