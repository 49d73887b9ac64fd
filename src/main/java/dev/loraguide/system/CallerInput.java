package dev.loraguide.system;

/**
 * Quotes what a caller sent inside an error message. Only a short prefix is echoed, so a
 * 10 MB name cannot come back as a 10 MB answer, and every character that is invisible or
 * can change how text around it is shown (controls, bidirectional overrides, format
 * characters, surrogates, quotes and backslashes) is escaped as a backslash, {@code u}
 * and four hex digits, so it cannot reach a log line or a terminal that shows the error.
 */
public final class CallerInput {

	/** Characters of the caller's input an error repeats at most. */
	public static final int MAX_ECHOED = 64;

	private CallerInput() {
	}

	/** {@code 'abc'}, or {@code 'abc…' (1234 characters)} when cut. */
	public static String quote(String input) {
		if (input == null) {
			return "null";
		}
		String quoted = "'" + escape(input, MAX_ECHOED) + "'";
		return (input.length() > MAX_ECHOED) ? quoted + " (" + input.length() + " characters)" : quoted;
	}

	/** The first {@code max} characters, escaped, with {@code …} when cut. */
	static String escape(String input, int max) {
		StringBuilder escaped = new StringBuilder();
		int shown = Math.min(input.length(), max);
		for (int i = 0; i < shown; i++) {
			char c = input.charAt(i);
			if (isPlain(c)) {
				escaped.append(c);
			}
			else {
				escaped.append(String.format("\\u%04x", (int) c));
			}
		}
		return (shown < input.length()) ? escaped.append('…').toString() : escaped.toString();
	}

	private static boolean isPlain(char c) {
		return c != '\\' && c != '\'' && PlainTextValidator.isVisible(c);
	}

}
