package dev.loraguide.export;

import dev.loraguide.system.CallerInput;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How the files of an export are laid out: where the models and images are, what the LoRA
 * is called, at which resolution and batch size it trains. Every option is optional (null
 * means the default). The names are the query parameters of the export endpoints.
 *
 * @param model the FLUX base model: a file for kohya and fluxgym
 * ({@value #DEFAULT_MODEL_FILE}), a file or Hugging Face id for ai-toolkit
 * ({@value #DEFAULT_MODEL_ID})
 * @param clipL the CLIP-L text encoder file (kohya, fluxgym)
 * @param t5xxl the T5-XXL text encoder file (kohya, fluxgym)
 * @param ae the autoencoder file (kohya, fluxgym)
 * @param datasetDir the folder of training images and their {@code .txt} captions;
 * default {@code /data/<outputName>}
 * @param outputDir where the trainer writes the LoRA; default
 * {@value #DEFAULT_OUTPUT_DIR}
 * @param outputName the LoRA's name; default the slug of the trigger token
 * ({@code Jane Doe} gives {@code jane_doe}), {@value #FALLBACK_OUTPUT_NAME} without one
 * @param resolution training resolution in pixels, a multiple of 64 from 256 to 4096;
 * default {@value #DEFAULT_RESOLUTION}
 * @param batchSize images per step, 1 to 64; default 1
 * @param captionPrefix kohya and fluxgym: also put the trigger token before every caption
 * ({@code caption_prefix}), not only on images without a caption file; default false
 * @param syntax ai-toolkit's job file as {@code yaml} (default) or {@code json}
 */
public record ExportOptions(String model, String clipL, String t5xxl, String ae, String datasetDir, String outputDir,
		String outputName, Integer resolution, Integer batchSize, Boolean captionPrefix, String syntax) {

	public static final ExportOptions DEFAULTS = new ExportOptions(null, null, null, null, null, null, null, null, null,
			null, null);

	static final String DEFAULT_MODEL_FILE = "/models/flux1-dev.safetensors";

	static final String DEFAULT_MODEL_ID = "black-forest-labs/FLUX.1-dev";

	static final String DEFAULT_CLIP_L = "/models/clip_l.safetensors";

	static final String DEFAULT_T5XXL = "/models/t5xxl_fp16.safetensors";

	static final String DEFAULT_AE = "/models/ae.safetensors";

	static final String DEFAULT_OUTPUT_DIR = "output";

	static final String FALLBACK_OUTPUT_NAME = "lora";

	static final int DEFAULT_RESOLUTION = 1024;

	/** The query parameter names, in the order the API describes them. */
	public static final List<String> NAMES = List.of("model", "clipL", "t5xxl", "ae", "datasetDir", "outputDir",
			"outputName", "resolution", "batchSize", "captionPrefix", "syntax");

	private static final int MAX_PATH_LENGTH = 1024;

	private static final Set<String> SYNTAXES = Set.of("yaml", "json");

	/** Checks every given option; the first bad one is named. */
	public ExportOptions {
		path("model", model);
		path("clipL", clipL);
		path("t5xxl", t5xxl);
		path("ae", ae);
		path("datasetDir", datasetDir);
		path("outputDir", outputDir);
		if (outputName != null && !outputName.matches(Slug.PATTERN)) {
			throw new InvalidExportOptionException("outputName", "must be 1 to " + Slug.MAX_LENGTH
					+ " lower-case letters, digits, '_' or '-', " + "starting and ending with a letter or digit");
		}
		if (resolution != null && (resolution < 256 || resolution > 4096 || resolution % 64 != 0)) {
			throw new InvalidExportOptionException("resolution", "must be a multiple of 64 from 256 to 4096");
		}
		if (batchSize != null && (batchSize < 1 || batchSize > 64)) {
			throw new InvalidExportOptionException("batchSize", "must be a whole number from 1 to 64");
		}
		if (syntax != null && !SYNTAXES.contains(syntax)) {
			throw new InvalidExportOptionException("syntax", "must be yaml or json");
		}
	}

	/**
	 * Options from query parameters.
	 * @throws InvalidExportOptionException naming the first unknown parameter or bad
	 * value
	 */
	public static ExportOptions of(Map<String, String> parameters) {
		Map<String, String> given = new LinkedHashMap<>(parameters);
		for (String name : given.keySet()) {
			if (!NAMES.contains(name)) {
				throw new InvalidExportOptionException(
						InertText.of(name.substring(0, Math.min(name.length(), CallerInput.MAX_ECHOED))),
						"is not an export option; the options are " + String.join(", ", NAMES));
			}
		}
		return new ExportOptions(given.get("model"), given.get("clipL"), given.get("t5xxl"), given.get("ae"),
				given.get("datasetDir"), given.get("outputDir"), given.get("outputName"),
				whole("resolution", given.get("resolution")), whole("batchSize", given.get("batchSize")),
				bool("captionPrefix", given.get("captionPrefix")), given.get("syntax"));
	}

	/** The options with every default filled in, for one export. */
	ExportSettings settle(TrainerFormat format, ExportSource source) {
		String name = (this.outputName != null) ? this.outputName
				: Slug.of(source.triggerToken(), FALLBACK_OUTPUT_NAME);
		if ("json".equals(this.syntax) && format != TrainerFormat.AI_TOOLKIT) {
			throw new InvalidExportOptionException("syntax", "json is for ai-toolkit only; "
					+ "kohya's training arguments and fluxgym's dataset are TOML files");
		}
		String defaultModel = (format == TrainerFormat.AI_TOOLKIT) ? DEFAULT_MODEL_ID : DEFAULT_MODEL_FILE;
		return new ExportSettings(or(this.model, defaultModel), or(this.clipL, DEFAULT_CLIP_L),
				or(this.t5xxl, DEFAULT_T5XXL), or(this.ae, DEFAULT_AE), or(this.datasetDir, "/data/" + name),
				or(this.outputDir, DEFAULT_OUTPUT_DIR), name, or(this.resolution, DEFAULT_RESOLUTION),
				or(this.batchSize, 1), or(this.captionPrefix, false), "json".equals(this.syntax));
	}

	private static <T> T or(T value, T fallback) {
		return (value != null) ? value : fallback;
	}

	private static void path(String name, String value) {
		if (value == null) {
			return;
		}
		if (value.isBlank() || value.length() > MAX_PATH_LENGTH) {
			throw new InvalidExportOptionException(name, "must be a path of 1 to " + MAX_PATH_LENGTH + " characters");
		}
		if (InertText.hasInvisible(value)) {
			throw new InvalidExportOptionException(name,
					"must not hold control, format or line-separator characters: '" + InertText.of(value) + "'");
		}
	}

	private static Integer whole(String name, String value) {
		if (value == null) {
			return null;
		}
		try {
			return Integer.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidExportOptionException(name, "must be a whole number, not '" + InertText.of(value) + "'");
		}
	}

	private static Boolean bool(String name, String value) {
		if (value == null) {
			return null;
		}
		return switch (value.strip().toLowerCase(Locale.ROOT)) {
			case "true", "" -> true;
			case "false" -> false;
			default -> throw new InvalidExportOptionException(name,
					"must be true or false, not '" + InertText.of(value) + "'");
		};
	}

}
