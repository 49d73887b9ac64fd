package dev.loraguide.export;

import java.util.ArrayList;
import java.util.List;

import dev.loraguide.guide.fact.TrainingParameters;

/**
 * fluxgym: the {@code dataset.toml} and the {@code train.sh} flags its {@code gen_toml}
 * and {@code gen_sh} write (20 GB profile). fluxgym trains for epochs, so the guide's
 * epochs are written and the step count that follows (epochs × steps per epoch, a step
 * per batch of repeated images) is reported next to the guide's steps. fluxgym's form
 * never passes alpha, scheduler or warmup (kohya then uses alpha 1 and a constant rate
 * without warmup); they are written as the extra flags its Advanced tab appends, and
 * reported, because a run re-entered in the form loses them.
 */
final class FluxgymMapping implements TrainerMapping {

	static final String SCRIPT_FILE = "train.sh";

	private static final String EXTRA_FLAG = "fluxgym's form never passes %s (kohya then uses %s); written as an "
			+ "extra flag at the end of train.sh: enter it in the Advanced tab if you start the run from the form";

	@Override
	public ExportPlan map(ExportSource source, ExportSettings settings) {
		TrainingParameters p = source.parameters();
		List<LossyMapping> lossy = new ArrayList<>();
		List<String> command = new ArrayList<>(KohyaDataset.LAUNCH);
		command.addAll(List.of("--pretrained_model_name_or_path", settings.model(), "--clip_l", settings.clipL(),
				"--t5xxl", settings.t5xxl(), "--ae", settings.ae(), "--cache_latents_to_disk", "--save_model_as",
				"safetensors", "--sdpa", "--persistent_data_loader_workers", "--max_data_loader_n_workers", "2",
				"--seed", "42", "--gradient_checkpointing", "--mixed_precision", "bf16", "--save_precision", "bf16",
				"--network_module", "networks.lora_flux"));
		flag(command, "--network_dim", p.networkDim());
		command.addAll(List.of("--optimizer_type", "adamw8bit"));
		flag(command, "--learning_rate",
				(p.learningRate() != null) ? Tree.decimal(p.learningRate()).toPlainString() : null);
		command.addAll(List.of("--cache_text_encoder_outputs", "--cache_text_encoder_outputs_to_disk", "--fp8_base",
				"--highvram"));
		Integer epochs = epochs(source, settings, lossy);
		flag(command, "--max_train_epochs", epochs);
		command.addAll(List.of("--save_every_n_epochs", "4", "--dataset_config", KohyaDataset.FILE, "--output_dir",
				settings.outputDir(), "--output_name", settings.outputName(), "--timestep_sampling", "shift",
				"--discrete_flow_shift", "3.1582", "--model_prediction_type", "raw", "--guidance_scale", "1",
				"--loss_type", "l2"));
		extraFlags(p, command, lossy);
		return new ExportPlan(List.of(KohyaDataset.of(source, settings, 1, null)), command, List.copyOf(lossy));
	}

	/**
	 * The guide's epochs (or, if it gave none, the nearest to its steps), and the step
	 * count they give.
	 */
	private static Integer epochs(ExportSource source, ExportSettings settings, List<LossyMapping> lossy) {
		TrainingParameters p = source.parameters();
		if (p.repeats() == null || (p.epochs() == null && p.maxTrainSteps() == null)) {
			return p.epochs();
		}
		long imagesPerEpoch = (long) source.imageCount() * p.repeats();
		long stepsPerEpoch = (imagesPerEpoch + settings.batchSize() - 1) / settings.batchSize();
		int epochs = (p.epochs() != null) ? p.epochs()
				: (int) Math.max(1, Math.round(p.maxTrainSteps() / (double) stepsPerEpoch));
		long steps = epochs * stepsPerEpoch;
		if (p.maxTrainSteps() != null) {
			lossy
				.add(new LossyMapping("maxTrainSteps", p.maxTrainSteps(), steps, "fluxgym trains for epochs: " + epochs
						+ " epochs × " + source.imageCount() + " images × " + p.repeats() + " repeats"
						+ ((settings.batchSize() > 1)
								? " / batch size " + settings.batchSize() + " (rounded up per epoch)" : " at batch 1")
						+ " = " + steps + " steps"));
		}
		return epochs;
	}

	private static void extraFlags(TrainingParameters p, List<String> command, List<LossyMapping> lossy) {
		if (p.networkAlpha() != null) {
			flag(command, "--network_alpha", p.networkAlpha());
			lossy.add(new LossyMapping("networkAlpha", p.networkAlpha(), p.networkAlpha(),
					EXTRA_FLAG.formatted("network_alpha", "alpha 1")));
		}
		SchedulerMapping.Resolved scheduler = SchedulerMapping.KOHYA.resolve(p.lrScheduler(), p.warmupSteps());
		String wanted = (p.lrScheduler() != null) ? p.lrScheduler() : SchedulerMapping.DEFAULT_SCHEDULER;
		if (!scheduler.scheduler().equals(SchedulerMapping.DEFAULT_SCHEDULER)) {
			flag(command, "--lr_scheduler", scheduler.scheduler());
			String reason = scheduler.lossy()
				.stream()
				.map((conversion) -> conversion.reason() + "; ")
				.findFirst()
				.orElse("") + EXTRA_FLAG.formatted("lr_scheduler", "constant");
			lossy.add(new LossyMapping("lrScheduler", wanted, scheduler.scheduler(), reason));
		}
		if (scheduler.warmupSteps() != null && scheduler.warmupSteps() > 0) {
			flag(command, "--lr_warmup_steps", scheduler.warmupSteps());
			lossy.add(new LossyMapping("warmupSteps", scheduler.warmupSteps(), scheduler.warmupSteps(),
					EXTRA_FLAG.formatted("lr_warmup_steps", "no warmup")));
		}
	}

	private static void flag(List<String> command, String flag, Object value) {
		if (value != null) {
			command.add(flag);
			command.add(value.toString());
		}
	}

}
