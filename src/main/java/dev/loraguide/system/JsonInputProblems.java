package dev.loraguide.system;

import java.util.Collection;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Says in a caller's words which part of a JSON body could not be read, and why. Public
 * for the batch endpoint, which reads each item of a body on its own.
 */
public final class JsonInputProblems {

	private JsonInputProblems() {
	}

	/** Where the body stopped being JSON, without the parser's internal details. */
	static String syntaxErrorOf(JacksonException ex) {
		String message = ex.getOriginalMessage();
		int detailStart = message.indexOf(" (");
		String what = (detailStart > 0) ? message.substring(0, detailStart) : message.lines().findFirst().orElse("");
		if (ex.getLocation() != null && ex.getLocation().getLineNr() > 0) {
			return what + " at line " + ex.getLocation().getLineNr() + ", column " + ex.getLocation().getColumnNr();
		}
		return what;
	}

	/**
	 * The JSON path a Jackson error points at, such as {@code overrides.learnigRate}, or
	 * {@code body} when the body as a whole has the wrong shape.
	 */
	static String fieldOf(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? "body" : path.toString();
	}

	public static String messageOf(JacksonException ex) {
		if (ex instanceof UnrecognizedPropertyException unknown) {
			return "is not a known field" + known(unknown.getKnownPropertyIds());
		}
		if (ex instanceof InputCoercionException) {
			return "is out of range";
		}
		if (ex instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
			return "must be " + describe(mismatch.getTargetType());
		}
		return "cannot be read";
	}

	static boolean isMalformedJson(JacksonException ex) {
		return ex instanceof StreamReadException && !(ex instanceof InputCoercionException);
	}

	private static String known(Collection<Object> ids) {
		if (ids == null || ids.isEmpty()) {
			return "";
		}
		return "; expected one of " + ids.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
	}

	private static String describe(Class<?> type) {
		if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
			return "a whole number";
		}
		if (type == Double.class || type == double.class) {
			return "a number";
		}
		if (type == String.class) {
			return "a string";
		}
		return "an object";
	}

}
