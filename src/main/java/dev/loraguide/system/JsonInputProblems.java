package dev.loraguide.system;

import java.util.Collection;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamContext;
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

	/**
	 * Where the body stopped being JSON, without the parser's internal details. The
	 * parser quotes the token it choked on; that quote is cut short and escaped like any
	 * other caller input.
	 */
	static String syntaxErrorOf(JacksonException ex) {
		String message = ex.getOriginalMessage();
		int detailStart = message.indexOf(" (");
		String what = CallerInput.escape((detailStart > 0) ? message.substring(0, detailStart) : message, 160);
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

	/** Strict duplicate detection: the parser refuses an object naming a key twice. */
	static boolean isDuplicateKey(JacksonException ex) {
		return ex instanceof StreamReadException && ex.getOriginalMessage() != null
				&& ex.getOriginalMessage().startsWith("Duplicate Object property");
	}

	/** The JSON path of the repeated key, such as {@code dataset.imageCount}. */
	static String duplicateKeyOf(JacksonException ex) {
		String message = ex.getOriginalMessage();
		int open = message.indexOf('"');
		int close = message.lastIndexOf('"');
		String key = (open >= 0 && close > open) ? message.substring(open + 1, close) : "";
		String parent = (ex instanceof StreamReadException read && read.processor() != null)
				? parentPath(read.processor()) : "";
		return CallerInput.escape(parent.isEmpty() ? key : parent + "." + key, CallerInput.MAX_ECHOED);
	}

	private static String parentPath(JsonParser parser) {
		StringBuilder path = new StringBuilder();
		for (TokenStreamContext context = parser.streamReadContext().getParent(); context != null
				&& !context.inRoot(); context = context.getParent()) {
			if (context.hasCurrentName()) {
				path.insert(0, (path.isEmpty() ? "" : ".")).insert(0, context.currentName());
			}
			else if (context.inArray()) {
				path.insert(0, "[" + context.getCurrentIndex() + "]");
			}
		}
		return path.toString();
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
