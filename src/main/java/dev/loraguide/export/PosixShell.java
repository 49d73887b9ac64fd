package dev.loraguide.export;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Quotes words for a POSIX shell: a word of only safe characters stays as it is, any
 * other is put in single quotes, inside which the shell expands nothing; a single quote
 * in the word is written {@code '\''} (close, an escaped quote, reopen).
 */
final class PosixShell {

	private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_./:@%+,-]+");

	private PosixShell() {
	}

	static String quote(String word) {
		if (SAFE.matcher(word).matches()) {
			return word;
		}
		return "'" + word.replace("'", "'\\''") + "'";
	}

	/** The words as one command line. */
	static String command(List<String> words) {
		return words.stream().map(PosixShell::quote).collect(Collectors.joining(" "));
	}

	/**
	 * The words as a script's command, one option per line for reading: a word that
	 * starts with {@code --} begins a new line.
	 */
	static String script(List<String> words) {
		StringBuilder script = new StringBuilder();
		for (String word : words) {
			if (script.length() > 0) {
				script.append(word.startsWith("--") ? " \\\n  " : " ");
			}
			script.append(quote(word));
		}
		return script.append('\n').toString();
	}

}
