package dev.loraguide.export;

import java.util.HashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * kohya's dataset config schema as {@code train_network.py} builds it
 * ({@code ConfigSanitizer(True, True, masked_loss, True)}, DreamBooth-style subsets),
 * transcribed from kohya-ss/sd-scripts {@code library/config_util.py} at commit
 * 48d368fa557731ad0488c07304dfeba8c07910eb: the key names allowed at each level and their
 * types. kohya rejects any other key.
 */
final class KohyaDatasetSchema {

	/** SUBSET_ASCENDABLE_SCHEMA. */
	private static final Map<String, Type> SUBSET_ASCENDABLE = Map.ofEntries(Map.entry("color_aug", Type.BOOL),
			Map.entry("face_crop_aug_range", Type.PAIR), Map.entry("flip_aug", Type.BOOL),
			Map.entry("num_repeats", Type.INT), Map.entry("random_crop", Type.BOOL),
			Map.entry("shuffle_caption", Type.BOOL), Map.entry("keep_tokens", Type.INT),
			Map.entry("keep_tokens_separator", Type.STRING), Map.entry("secondary_separator", Type.STRING),
			Map.entry("caption_separator", Type.STRING), Map.entry("enable_wildcard", Type.BOOL),
			Map.entry("token_warmup_min", Type.INT), Map.entry("token_warmup_step", Type.NUMBER),
			Map.entry("caption_prefix", Type.STRING), Map.entry("caption_suffix", Type.STRING),
			Map.entry("custom_attributes", Type.TABLE), Map.entry("resize_interpolation", Type.STRING));

	/** DO_SUBSET_ASCENDABLE_SCHEMA (dropout is supported). */
	private static final Map<String, Type> DROPOUT = Map.of("caption_dropout_every_n_epochs", Type.INT,
			"caption_dropout_rate", Type.NUMBER, "caption_tag_dropout_rate", Type.NUMBER);

	/** DB_SUBSET_ASCENDABLE_SCHEMA. */
	private static final Map<String, Type> DREAMBOOTH_ASCENDABLE = Map.of("caption_extension", Type.STRING,
			"class_tokens", Type.STRING, "cache_info", Type.BOOL);

	/** DB_SUBSET_DISTINCT_SCHEMA ({@code image_dir} is required). */
	private static final Map<String, Type> DREAMBOOTH_DISTINCT = Map.of("image_dir", Type.STRING, "is_reg", Type.BOOL,
			"alpha_mask", Type.BOOL);

	/** DATASET_ASCENDABLE_SCHEMA. */
	private static final Map<String, Type> DATASET_ASCENDABLE = Map.ofEntries(Map.entry("batch_size", Type.INT),
			Map.entry("bucket_no_upscale", Type.BOOL), Map.entry("bucket_reso_steps", Type.INT),
			Map.entry("enable_bucket", Type.BOOL), Map.entry("max_bucket_reso", Type.INT),
			Map.entry("min_bucket_reso", Type.INT), Map.entry("validation_seed", Type.INT),
			Map.entry("validation_split", Type.FLOAT), Map.entry("resolution", Type.INT_OR_PAIR),
			Map.entry("network_multiplier", Type.FLOAT), Map.entry("resize_interpolation", Type.STRING));

	static final Map<String, Type> GENERAL = merge(DATASET_ASCENDABLE, SUBSET_ASCENDABLE, DREAMBOOTH_ASCENDABLE,
			DROPOUT);

	static final Map<String, Type> DATASET = merge(DATASET_ASCENDABLE, SUBSET_ASCENDABLE, DREAMBOOTH_ASCENDABLE,
			DROPOUT, Map.of("subsets", Type.TABLES));

	static final Map<String, Type> SUBSET = merge(SUBSET_ASCENDABLE, DREAMBOOTH_DISTINCT, DREAMBOOTH_ASCENDABLE,
			DROPOUT);

	private KohyaDatasetSchema() {
	}

	@SafeVarargs
	private static Map<String, Type> merge(Map<String, Type>... parts) {
		Map<String, Type> merged = new HashMap<>();
		for (Map<String, Type> part : parts) {
			merged.putAll(part);
		}
		return Map.copyOf(merged);
	}

	/** What kohya would refuse in a dataset config, empty when it accepts it. */
	static java.util.List<String> problems(JsonNode config) {
		java.util.List<String> problems = new java.util.ArrayList<>();
		config.properties().forEach((entry) -> {
			if (!entry.getKey().equals("general") && !entry.getKey().equals("datasets")) {
				problems.add("top-level key " + entry.getKey());
			}
		});
		check("general", config.path("general"), GENERAL, problems);
		for (JsonNode dataset : config.path("datasets")) {
			check("datasets[]", dataset, DATASET, problems);
			for (JsonNode subset : dataset.path("subsets")) {
				check("subsets[]", subset, SUBSET, problems);
				if (!subset.has("image_dir")) {
					problems.add("subsets[] lacks the required image_dir");
				}
			}
		}
		return problems;
	}

	private static void check(String where, JsonNode table, Map<String, Type> schema, java.util.List<String> problems) {
		table.properties().forEach((entry) -> {
			Type type = schema.get(entry.getKey());
			if (type == null) {
				problems.add(where + " key " + entry.getKey() + " is not in kohya's schema");
			}
			else if (!type.accepts(entry.getValue())) {
				problems.add(where + " key " + entry.getKey() + " is not " + type);
			}
		});
	}

	/** The voluptuous validators the schema uses. */
	enum Type {

		BOOL, INT, FLOAT, NUMBER, STRING, TABLE, TABLES, PAIR, INT_OR_PAIR;

		boolean accepts(JsonNode value) {
			return switch (this) {
				case BOOL -> value.isBoolean();
				case INT -> value.isIntegralNumber();
				case FLOAT -> value.isFloatingPointNumber();
				case NUMBER -> value.isNumber();
				case STRING -> value.isString();
				case TABLE -> value.isObject();
				case TABLES -> value.isArray();
				case PAIR -> value.isArray() && value.size() == 2;
				case INT_OR_PAIR -> value.isIntegralNumber() || (value.isArray() && value.size() == 2);
			};
		}

	}

}
