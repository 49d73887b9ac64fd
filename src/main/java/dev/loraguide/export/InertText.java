package dev.loraguide.export;

/**
 * Text that can go on one comment line or into a message and do nothing there: control,
 * format (bidi overrides, zero-width), line and paragraph separators become visible
 * {@code \}{@code uXXXX} escapes, a backslash is doubled so that escapes stay
 * unambiguous, and {@code $}{@code {} is broken up because ai-toolkit substitutes
 * environment variables for it anywhere in a file, comments included.
 */
final class InertText {

	private InertText() {
	}

	static String of(String text) {
		StringBuilder inert = new StringBuilder(text.length());
		text.codePoints().forEach((codePoint) -> {
			if (codePoint == '\\') {
				inert.append("\\\\");
			}
			else if (codePoint == '{' && inert.length() > 0 && inert.charAt(inert.length() - 1) == '$') {
				inert.append("\\u007B");
			}
			else if (isInvisible(codePoint)) {
				inert.append((codePoint <= 0xFFFF) ? String.format("\\u%04X", codePoint)
						: String.format("\\U%08X", codePoint));
			}
			else {
				inert.appendCodePoint(codePoint);
			}
		});
		return inert.toString();
	}

	/** Whether a character could end a line, reorder one or hide in it. */
	static boolean isInvisible(int codePoint) {
		return switch (Character.getType(codePoint)) {
			case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
					Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED ->
				true;
			default -> false;
		};
	}

	/** Whether the text holds any character {@link #isInvisible(int) of that kind}. */
	static boolean hasInvisible(String text) {
		return text.codePoints().anyMatch(InertText::isInvisible);
	}

}
