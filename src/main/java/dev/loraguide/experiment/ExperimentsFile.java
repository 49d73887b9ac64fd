package dev.loraguide.experiment;

import dev.loraguide.experiment.FileLocations.Position;
import dev.loraguide.system.PlainDecimal;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.DeserializationProblemHandler;
import tools.jackson.databind.deser.ValueInstantiator;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads the experiments file into {@link Experiment}s: Jackson binds it to an
 * {@link ExperimentsDocument}, refusing unknown fields (a misspelt {@code wieght} must
 * not silently mean "no weight") and values of the wrong type, then Bean Validation
 * checks each field. Every problem is found in one read and points at its line and
 * column. Rules that span several fields or experiments are the
 * {@link ExperimentsValidator}'s.
 */
final class ExperimentsFile {

	private static final Pattern IN_EXPERIMENT = Pattern.compile("experiments\\[(\\d+)\\](?:\\.(.+))?");

	private static final Pattern NAME = Pattern.compile(ExperimentsDocument.NAME);

	private static final Validator validator = Validation.byDefaultProvider()
		.configure()
		.messageInterpolator(new ParameterMessageInterpolator())
		.buildValidatorFactory()
		.getValidator();

	private final ObjectMapper mapper;

	/** Problems by path, before they are told apart by experiment. */
	private final Map<String, String> found = new LinkedHashMap<>();

	private ExperimentsFile() {
		this.mapper = YAMLMapper.builder()
			.addHandler(new ProblemCollector())
			.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			.build();
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
		FileLocations locations;
		try {
			locations = FileLocations.of(this.mapper, content);
		}
		catch (StreamReadException ex) {
			Position at = Position.of(ex.getLocation());
			return new Parsed(List.of(), List.of(new ExperimentProblem(null, null, at.line(), at.column(),
					"is not valid YAML: " + ex.getOriginalMessage())), FileLocations.NONE, Map.of());
		}
		if (locations.isEmpty()) {
			return Parsed.EMPTY;
		}
		ExperimentsDocument document = null;
		try {
			document = this.mapper.readValue(content, ExperimentsDocument.class);
		}
		catch (JacksonException ex) {
			// What the collector cannot step over ends binding; report it like the rest.
			this.found.putIfAbsent(path(ex), expected(ex));
		}
		List<ExperimentsDocument.Entry> entries = (document != null && document.experiments() != null)
				? document.experiments() : List.of();
		if (document != null) {
			for (ConstraintViolation<ExperimentsDocument> violation : validator.validate(document)) {
				this.found.putIfAbsent(path(violation.getPropertyPath()), message(violation));
			}
		}
		Map<Integer, String> ids = ids(entries);
		List<ExperimentProblem> problems = new ArrayList<>();
		this.found.forEach((path, message) -> problems.add(problem(path, message, ids, locations)));
		List<Experiment> experiments = new ArrayList<>();
		for (int i = 0; i < entries.size(); i++) {
			if (ids.containsKey(i) && !hasProblem(i)) {
				experiments.add(experiment(entries.get(i), problems, locations, "experiments[" + i + "]"));
			}
		}
		problems.sort(Comparator.comparingInt(ExperimentProblem::line).thenComparingInt(ExperimentProblem::column));
		Map<String, Integer> indexes = new HashMap<>();
		ids.forEach((index, id) -> indexes.merge(id, index, Math::max));
		return new Parsed(experiments.stream().filter((experiment) -> experiment != null).toList(), problems, locations,
				indexes);
	}

	/** An entry's id when it is a valid name, so that its problems can name it. */
	private Map<Integer, String> ids(List<ExperimentsDocument.Entry> entries) {
		Map<Integer, String> ids = new HashMap<>();
		for (int i = 0; i < entries.size(); i++) {
			String id = (entries.get(i) != null) ? entries.get(i).id() : null;
			if (id != null && NAME.matcher(id).matches() && !this.found.containsKey("experiments[" + i + "].id")) {
				ids.put(i, id);
			}
		}
		return ids;
	}

	private boolean hasProblem(int index) {
		String entry = "experiments[" + index + "]";
		return this.found.keySet()
			.stream()
			.anyMatch((path) -> path.equals(entry) || path.startsWith(entry + ".") || path.startsWith(entry + "["));
	}

	/** A validated entry as an {@link Experiment}, or null when its range is inverted. */
	private static Experiment experiment(ExperimentsDocument.Entry entry, List<ExperimentProblem> problems,
			FileLocations locations, String path) {
		ImageCountRange imageCounts = ImageCountRange.ALL;
		if (entry.filter() != null) {
			ExperimentsDocument.RangeEntry range = entry.filter().imageCount();
			int min = (range.min() != null) ? range.min() : ImageCountRange.ALL.min();
			int max = (range.max() != null) ? range.max() : ImageCountRange.ALL.max();
			if (min > max) {
				Position at = locations.find(path + ".filter.imageCount");
				problems.add(new ExperimentProblem(entry.id(), "filter.imageCount", at.line(), at.column(),
						"min " + min + " is above max " + max));
				return null;
			}
			imageCounts = new ImageCountRange(min, max);
		}
		List<Variant> variants = entry.variants()
			.stream()
			.map((variant) -> new Variant(variant.name(), variant.guide(), variant.weight()))
			.toList();
		ExperimentStatus status = ExperimentStatus.valueOf(entry.status().toUpperCase(Locale.ROOT));
		String salt = (entry.salt() != null) ? entry.salt() : entry.id();
		Map<String, String> forced = (entry.forced() != null) ? entry.forced() : Map.of();
		return new Experiment(entry.id(), status, salt, variants, imageCounts, forced);
	}

	private static ExperimentProblem problem(String path, String message, Map<Integer, String> ids,
			FileLocations locations) {
		Position at = locations.find(path);
		Matcher inExperiment = IN_EXPERIMENT.matcher(path);
		if (inExperiment.matches() && inExperiment.group(2) != null
				&& ids.containsKey(Integer.parseInt(inExperiment.group(1)))) {
			return new ExperimentProblem(ids.get(Integer.parseInt(inExperiment.group(1))), inExperiment.group(2),
					at.line(), at.column(), message);
		}
		return new ExperimentProblem(null, path.isEmpty() ? null : path, at.line(), at.column(), message);
	}

	/**
	 * A constraint's message; the value at fault is quoted unless it is missing or blank,
	 * where quoting it would show nothing.
	 */
	private static String message(ConstraintViolation<?> violation) {
		Object value = violation.getInvalidValue();
		if (value == null || violation.getConstraintDescriptor().getAnnotation() instanceof NotNull
				|| String.valueOf(value).isBlank()) {
			return violation.getMessage();
		}
		return violation.getMessage() + ", not '" + shown(value) + "'";
	}

	private static String shown(Object value) {
		return (value instanceof Double number) ? PlainDecimal.of(number) : String.valueOf(value);
	}

	/**
	 * A validation path in the file's notation: {@code experiments[0].forced.actor-7}.
	 */
	private static String path(Path propertyPath) {
		StringBuilder path = new StringBuilder();
		for (Path.Node node : propertyPath) {
			if (node.isInIterable()) {
				if (node.getIndex() != null) {
					path.append('[').append(node.getIndex()).append(']');
				}
				else if (node.getKey() != null) {
					path.append('.').append(node.getKey());
				}
			}
			if (node.getName() != null && node.getKind() != jakarta.validation.ElementKind.CONTAINER_ELEMENT) {
				path.append(path.isEmpty() ? "" : ".").append(node.getName());
			}
		}
		return path.toString();
	}

	private static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static String expected(JacksonException ex) {
		return (ex instanceof tools.jackson.databind.exc.MismatchedInputException mismatch
				&& mismatch.getTargetType() != null) ? expected(mismatch.getTargetType())
						: "cannot be read: " + ex.getOriginalMessage();
	}

	/** What a field of this type must be, in the words of the file's readers. */
	private static String expected(Class<?> type) {
		if (List.class.isAssignableFrom(type)) {
			return "must be a list";
		}
		if (type == String.class) {
			return "must be text, not a list or mapping (quote it)";
		}
		if (type == Integer.class || type == int.class) {
			return "must be a whole number of at least 1";
		}
		if (Number.class.isAssignableFrom(type) || type == double.class) {
			return "must be a number from 0 to 100";
		}
		return "must be a mapping of field: value";
	}

	/**
	 * Records what binding cannot use and steps over it, so that one read finds every
	 * problem of the file rather than the first.
	 */
	private final class ProblemCollector extends DeserializationProblemHandler {

		@Override
		public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser,
				ValueDeserializer<?> deserializer, Object beanOrClass, String propertyName) {
			String known = String.join(", ",
					deserializer.getKnownPropertyNames().stream().map(String::valueOf).sorted().toList());
			ExperimentsFile.this.found.putIfAbsent(FileLocations.path(parser),
					"is not a known field; expected one of " + known);
			parser.skipChildren();
			return true;
		}

		@Override
		public Object handleUnexpectedToken(DeserializationContext context, JavaType targetType, JsonToken token,
				JsonParser parser, String failureMessage) {
			String field = FileLocations.path(parser);
			String message = expected(targetType.getRawClass());
			if (token.isScalarValue()) {
				message += ", not '" + parser.getString() + "'";
			}
			ExperimentsFile.this.found.putIfAbsent(field, message);
			parser.skipChildren();
			return null;
		}

		@Override
		public Object handleWeirdStringValue(DeserializationContext context, Class<?> targetType, String value,
				String failureMessage) {
			ExperimentsFile.this.found.putIfAbsent(FileLocations.path(context.getParser()),
					expected(targetType) + ", not '" + value + "'");
			return null;
		}

		@Override
		public Object handleWeirdNumberValue(DeserializationContext context, Class<?> targetType, Number value,
				String failureMessage) {
			ExperimentsFile.this.found.putIfAbsent(FileLocations.path(context.getParser()),
					expected(targetType) + ", not '" + value + "'");
			return null;
		}

		@Override
		public Object handleMissingInstantiator(DeserializationContext context, Class<?> instanceClass,
				ValueInstantiator instantiator, JsonParser parser, String failureMessage) {
			ExperimentsFile.this.found.putIfAbsent(FileLocations.path(parser), expected(instanceClass));
			parser.skipChildren();
			return null;
		}

	}

	/**
	 * What reading the file found.
	 *
	 * @param experiments the experiments read without problems
	 * @param problems every problem, top to bottom
	 * @param locations where each field of the file starts
	 * @param indexes each experiment id's index in the file (the last, where ids repeat)
	 */
	record Parsed(List<Experiment> experiments, List<ExperimentProblem> problems, FileLocations locations,
			Map<String, Integer> indexes) {

		static final Parsed EMPTY = new Parsed(List.of(), List.of(), FileLocations.NONE, Map.of());

		Parsed {
			experiments = List.copyOf(experiments);
			problems = List.copyOf(problems);
			indexes = Map.copyOf(indexes);
		}

		/** The problem pointing at where its field is written in this file. */
		ExperimentProblem locate(ExperimentProblem problem) {
			if (problem.line() > 0 || problem.experiment() == null || !this.indexes.containsKey(problem.experiment())) {
				return problem;
			}
			String entry = "experiments[" + this.indexes.get(problem.experiment()) + "]";
			Position at = this.locations
				.find((problem.field() != null) ? entry + "." + problem.field().replace("[*]", "") : entry);
			return new ExperimentProblem(problem.experiment(), problem.field(), at.line(), at.column(),
					problem.message());
		}

	}

}
