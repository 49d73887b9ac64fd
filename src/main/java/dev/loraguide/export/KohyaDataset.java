package dev.loraguide.export;

import java.util.List;

/**
 * kohya's dataset config ({@code --dataset_config}), which kohya checks against a strict
 * schema ({@code library/config_util.py}, {@code ConfigSanitizer}): only keys of that
 * schema are written. The trigger goes in the subset's {@code class_tokens}, which kohya
 * uses as the caption of an image without a caption file, and, when asked, also in
 * {@code caption_prefix}, which kohya puts before every caption.
 */
final class KohyaDataset {

	static final String FILE = "dataset.toml";

	/** How kohya is started: accelerate, then the FLUX LoRA script of sd-scripts. */
	static final List<String> LAUNCH = List.of("accelerate", "launch", "--mixed_precision", "bf16",
			"--num_cpu_threads_per_process", "1", "sd-scripts/flux_train_network.py");

	private KohyaDataset() {
	}

	/**
	 * The dataset file.
	 * @param keepTokens kohya's {@code keep_tokens}, null to leave it out
	 * @param enableBucket kohya's {@code enable_bucket}, null to leave it out
	 */
	static ConfigDocument of(ExportSource source, ExportSettings settings, Integer keepTokens, Boolean enableBucket) {
		String trigger = source.triggerToken();
		Tree subset = new Tree().put("image_dir", settings.datasetDir())
			.put("num_repeats", source.parameters().repeats())
			.put("class_tokens", trigger)
			.put("caption_prefix", (settings.captionPrefix() && trigger != null) ? trigger + ", " : null);
		Tree dataset = new Tree().put("resolution", settings.resolution())
			.put("batch_size", settings.batchSize())
			.put("enable_bucket", enableBucket)
			.put("keep_tokens", keepTokens)
			.put("subsets", List.of(subset.toMap()));
		Tree general = new Tree().put("shuffle_caption", false)
			.put("caption_extension", ".txt")
			.put("keep_tokens", keepTokens);
		return new ConfigDocument(FILE, ConfigDocument.Syntax.TOML,
				new Tree().put("general", general).put("datasets", List.of(dataset.toMap())).toMap());
	}

}
