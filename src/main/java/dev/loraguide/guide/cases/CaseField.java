package dev.loraguide.guide.cases;

import dev.loraguide.system.PlainDecimal;

import dev.loraguide.guide.Evaluation;

import dev.loraguide.guide.fact.FileSizeEstimate;
import dev.loraguide.guide.fact.Warning;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A part of a guide's answer a case may pin down under {@code want}, named as in the
 * recommendation's JSON.
 */
enum CaseField {

	PRESET("preset", Evaluation::presetId),

	PRESET_LABEL("presetLabel", Evaluation::presetLabel),

	MAX_TRAIN_STEPS("maxTrainSteps", (evaluation) -> evaluation.parameters().maxTrainSteps()),

	LEARNING_RATE("learningRate", (evaluation) -> evaluation.parameters().learningRate()),

	NETWORK_DIM("networkDim", (evaluation) -> evaluation.parameters().networkDim()),

	NETWORK_ALPHA("networkAlpha", (evaluation) -> evaluation.parameters().networkAlpha()),

	REPEATS("repeats", (evaluation) -> evaluation.parameters().repeats()),

	EPOCHS("epochs", (evaluation) -> evaluation.parameters().epochs()),

	WARMUP_STEPS("warmupSteps", (evaluation) -> evaluation.parameters().warmupSteps()),

	LR_SCHEDULER("lrScheduler", (evaluation) -> evaluation.parameters().lrScheduler()),

	TRIGGER_TOKEN("triggerToken", Evaluation::triggerToken),

	ESTIMATED_FILE_SIZE_MB("estimatedFileSizeMb", CaseField::fileSize),

	/** The codes of the guide's warnings, in any order. */
	WARNINGS("warnings", (evaluation) -> evaluation.warnings().stream().map(Warning::code).sorted().toList());

	/** Computed values may differ from a written decimal in the last bits. */
	private static final double RELATIVE_TOLERANCE = 1e-9;

	private final String key;

	private final Function<Evaluation, Object> reader;

	CaseField(String key, Function<Evaluation, Object> reader) {
		this.key = key;
		this.reader = reader;
	}

	String key() {
		return this.key;
	}

	static CaseField forKey(String key) {
		return Arrays.stream(values()).filter((field) -> field.key.equals(key)).findFirst().orElse(null);
	}

	static String keys() {
		return Arrays.stream(values()).map(CaseField::key).collect(Collectors.joining(", "));
	}

	Object actual(Evaluation evaluation) {
		return this.reader.apply(evaluation);
	}

	/** The wanted value in the form {@link #actual} returns, so the two compare. */
	Object normalized(Object wanted) {
		if (this == WARNINGS && wanted instanceof List<?> codes) {
			return codes.stream().map(String::valueOf).sorted().toList();
		}
		return wanted;
	}

	static boolean matches(Object wanted, Object actual) {
		if (wanted instanceof Number want && actual instanceof Number got) {
			double a = want.doubleValue();
			double b = got.doubleValue();
			return Math.abs(a - b) <= RELATIVE_TOLERANCE * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
		}
		if (wanted instanceof Map<?, ?> want && actual instanceof Map<?, ?> got) {
			return want.keySet().equals(got.keySet())
					&& want.keySet().stream().allMatch((key) -> matches(want.get(key), got.get(key)));
		}
		if (wanted instanceof List<?> want && actual instanceof List<?> got) {
			return want.size() == got.size()
					&& IntStream.range(0, want.size()).allMatch((i) -> matches(want.get(i), got.get(i)));
		}
		return Objects.equals(wanted, actual);
	}

	/** A value as a guide author writes it: {@code 0.0003} rather than {@code 3.0E-4}. */
	static String show(Object value) {
		if (value instanceof Double number) {
			return PlainDecimal.of(number);
		}
		if (value instanceof String text) {
			return "\"" + text + "\"";
		}
		if (value instanceof Map<?, ?> map) {
			return map.entrySet()
				.stream()
				.map((entry) -> entry.getKey() + ": " + show(entry.getValue()))
				.collect(Collectors.joining(", ", "{", "}"));
		}
		if (value instanceof List<?> list) {
			return list.stream().map(CaseField::show).collect(Collectors.joining(", ", "[", "]"));
		}
		return String.valueOf(value);
	}

	private static Object fileSize(Evaluation evaluation) {
		FileSizeEstimate size = evaluation.estimatedFileSizeMb();
		if (size == null) {
			return null;
		}
		Map<String, Object> bounds = new LinkedHashMap<>();
		bounds.put("min", size.min());
		bounds.put("max", size.max());
		return bounds;
	}

}
