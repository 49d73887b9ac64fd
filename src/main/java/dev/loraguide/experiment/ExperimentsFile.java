package dev.loraguide.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads the experiments file into {@link Experiment}s, refusing fields of the wrong type,
 * missing ones and unknown ones (a misspelt {@code wieght} must not silently mean "no
 * weight"). Rules that span several fields or experiments are the
 * {@link ExperimentsValidator}'s.
 */
final class ExperimentsFile {

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

	private static final Set<String> FILE_FIELDS = Set.of("experiments");

	private static final Set<String> EXPERIMENT_FIELDS = Set.of("id", "status", "salt", "variants", "filter", "forced");

	private static final Set<String> VARIANT_FIELDS = Set.of("name", "guide", "weight");

	private static final Set<String> FILTER_FIELDS = Set.of("imageCount");

	private static final Set<String> RANGE_FIELDS = Set.of("min", "max");

	private final List<ExperimentProblem> problems = new ArrayList<>();

	private String experiment;

	private String fieldPrefix = "";

	private ExperimentsFile() {
	}

	/**
	 * The experiments an experiments file declares, with every problem found while
	 * reading it.
	 * @param content the file's text; empty means no experiments
	 */
	static Parsed parse(String content) {
		return new ExperimentsFile().read(content);
	}

	private Parsed read(String content) {
		Object document;
		try {
			document = new Yaml(new SafeConstructor(new LoaderOptions())).load(content);
		}
		catch (YAMLException ex) {
			return new Parsed(List.of(),
					List.of(ExperimentProblem.ofFile(null, "is not valid YAML: " + ex.getMessage())));
		}
		List<Experiment> experiments = new ArrayList<>();
		if (document != null) {
			Map<String, Object> file = mapping(document, "the file", FILE_FIELDS);
			if (file != null) {
				List<?> entries = sequence(file.get("experiments"), "experiments", false);
				for (int i = 0; i < entries.size(); i++) {
					Experiment read = experiment(entries.get(i), "experiments[" + i + "]");
					if (read != null) {
						experiments.add(read);
					}
				}
			}
		}
		return new Parsed(experiments, this.problems);
	}

	private Experiment experiment(Object node, String path) {
		this.experiment = null;
		this.fieldPrefix = "";
		Map<String, Object> fields = mapping(node, path, null);
		if (fields == null) {
			return null;
		}
		int before = this.problems.size();
		this.fieldPrefix = path + ".";
		String id = name(fields.get("id"), "id");
		if (id != null) {
			this.experiment = id;
			this.fieldPrefix = "";
		}
		checkKnown(fields, EXPERIMENT_FIELDS, null);
		String statusText = text(fields.get("status"), "status", true);
		ExperimentStatus status = status(statusText);
		String salt = text(fields.get("salt"), "salt", false);
		List<Variant> variants = variants(sequence(fields.get("variants"), "variants", true));
		ImageCountRange imageCounts = filter(fields.get("filter"));
		Map<String, String> forced = forced(fields.get("forced"));
		if (id == null || this.problems.size() > before) {
			return null;
		}
		return new Experiment(id, status, (salt != null) ? salt : id, variants, imageCounts, forced);
	}

	private ExperimentStatus status(String text) {
		if (text == null) {
			return null;
		}
		try {
			return ExperimentStatus.valueOf(text.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			problem("status", "must be running or stopped, not '" + text + "'");
			return null;
		}
	}

	private List<Variant> variants(List<?> entries) {
		List<Variant> variants = new ArrayList<>();
		for (int i = 0; i < entries.size(); i++) {
			String path = "variants[" + i + "]";
			Map<String, Object> fields = mapping(entries.get(i), path, VARIANT_FIELDS);
			if (fields != null) {
				String name = name(fields.get("name"), path + ".name");
				String guide = text(fields.get("guide"), path + ".guide", true);
				Double weight = weight(fields.get("weight"), path + ".weight");
				if (name != null && guide != null && weight != null) {
					variants.add(new Variant(name, guide, weight));
				}
			}
		}
		return variants;
	}

	private Double weight(Object node, String field) {
		if (node == null) {
			problem(field, "is required");
			return null;
		}
		if (!(node instanceof Number number) || !Double.isFinite(number.doubleValue()) || number.doubleValue() < 0
				|| number.doubleValue() > 100) {
			problem(field, "must be a number from 0 to 100, not '" + node + "'");
			return null;
		}
		return number.doubleValue();
	}

	private ImageCountRange filter(Object node) {
		if (node == null) {
			return ImageCountRange.ALL;
		}
		Map<String, Object> filter = mapping(node, "filter", FILTER_FIELDS);
		if (filter == null || filter.get("imageCount") == null) {
			if (filter != null) {
				problem("filter.imageCount", "is required in a filter");
			}
			return ImageCountRange.ALL;
		}
		Map<String, Object> range = mapping(filter.get("imageCount"), "filter.imageCount", RANGE_FIELDS);
		if (range == null) {
			return ImageCountRange.ALL;
		}
		Integer min = bound(range.get("min"), "filter.imageCount.min", ImageCountRange.ALL.min());
		Integer max = bound(range.get("max"), "filter.imageCount.max", ImageCountRange.ALL.max());
		if (min == null || max == null) {
			return ImageCountRange.ALL;
		}
		if (min > max) {
			problem("filter.imageCount", "min " + min + " is above max " + max);
		}
		return new ImageCountRange(min, max);
	}

	private Integer bound(Object node, String field, int absent) {
		if (node == null) {
			return absent;
		}
		if (!(node instanceof Integer value) || value < 1) {
			problem(field, "must be a whole number of at least 1, not '" + node + "'");
			return null;
		}
		return value;
	}

	private Map<String, String> forced(Object node) {
		Map<String, String> forced = new LinkedHashMap<>();
		if (node == null) {
			return forced;
		}
		Map<String, Object> entries = mapping(node, "forced", null);
		if (entries != null) {
			entries.forEach((actorId, variant) -> {
				String name = text(variant, "forced." + actorId, true);
				if (name != null) {
					forced.put(actorId, name);
				}
			});
		}
		return forced;
	}

	private String name(Object node, String field) {
		String name = text(node, field, true);
		if (name != null && !NAME.matcher(name).matches()) {
			problem(field, "must be 1 to 100 letters, digits, '.', '_' or '-', starting with a letter or digit, not '"
					+ name + "'");
			return null;
		}
		return name;
	}

	/**
	 * Text fields may be written as numbers ({@code salt: 2026}), but not as lists or
	 * maps.
	 */
	private String text(Object node, String field, boolean required) {
		if (node == null) {
			if (required) {
				problem(field, "is required");
			}
			return null;
		}
		if (node instanceof String || node instanceof Integer || node instanceof Long) {
			String text = String.valueOf(node);
			if (text.isBlank()) {
				problem(field, "must not be blank");
				return null;
			}
			return text;
		}
		problem(field, "must be text, not '" + node + "' (quote it)");
		return null;
	}

	private List<?> sequence(Object node, String field, boolean required) {
		if (node == null) {
			if (required) {
				problem(field, "is required");
			}
			return List.of();
		}
		if (node instanceof List<?> list) {
			return list;
		}
		problem(field, "must be a list");
		return List.of();
	}

	/**
	 * The fields of a mapping node, keys as text (an actor id may be written as a
	 * number).
	 * @param allowed the field names it may hold, or null when any key is data (forced
	 * actors)
	 */
	private Map<String, Object> mapping(Object node, String field, Set<String> allowed) {
		if (!(node instanceof Map<?, ?> map)) {
			problem(field, "must be a mapping of field: value");
			return null;
		}
		Map<String, Object> fields = new LinkedHashMap<>();
		map.forEach((key, value) -> fields.put(String.valueOf(key), value));
		if (allowed != null) {
			checkKnown(fields, allowed, field.equals("the file") ? null : field);
		}
		return fields;
	}

	private void checkKnown(Map<String, Object> fields, Set<String> allowed, String parent) {
		String expected = String.join(", ", allowed.stream().sorted().toList());
		fields.keySet()
			.stream()
			.filter((key) -> !allowed.contains(key))
			.forEach((key) -> problem((parent != null) ? parent + "." + key : key,
					"is not a known field; expected one of " + expected));
	}

	private void problem(String field, String message) {
		this.problems.add(new ExperimentProblem(this.experiment, this.fieldPrefix + field, message));
	}

	/**
	 * What reading the file found.
	 *
	 * @param experiments the experiments read without problems
	 * @param problems every problem, in file order
	 */
	record Parsed(List<Experiment> experiments, List<ExperimentProblem> problems) {

		Parsed {
			experiments = List.copyOf(experiments);
			problems = List.copyOf(problems);
		}

	}

}
