package dev.loraguide.guide;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading positions out of DRL text, for problems that point at a line and column. */
final class DrlText {

	private DrlText() {
	}

	/**
	 * The DRL with every comment and string literal replaced by spaces, so that a search
	 * finds only code; line breaks are kept and every character keeps its offset.
	 */
	static String withoutCommentsAndStrings(String drl) {
		StringBuilder code = new StringBuilder(drl);
		int i = 0;
		while (i < drl.length()) {
			char c = drl.charAt(i);
			int end;
			if (drl.startsWith("//", i)) {
				end = indexOrEnd(drl, "\n", i);
			}
			else if (drl.startsWith("/*", i)) {
				end = indexOrEnd(drl, "*/", i + 2) + 2;
			}
			else if (c == '"' || c == '\'') {
				end = endOfString(drl, i, c);
			}
			else {
				i++;
				continue;
			}
			blank(code, i, Math.min(end, drl.length()));
			i = end;
		}
		return code.toString();
	}

	/** Where rule {@code ruleName} is declared, as a problem carrying {@code message}. */
	static Optional<GuideProblem> ruleDeclaration(GuideSource source, String ruleName, String message) {
		Pattern declaration = Pattern.compile("^\\s*rule\\s+[\"']" + Pattern.quote(ruleName) + "[\"']",
				Pattern.MULTILINE);
		for (Map.Entry<String, String> file : source.ruleFiles().entrySet()) {
			Matcher matcher = declaration.matcher(file.getValue());
			if (matcher.find()) {
				int keyword = matcher.start() + matcher.group().indexOf("rule");
				return Optional.of(problemAt(file.getKey(), file.getValue(), keyword, message));
			}
		}
		return Optional.empty();
	}

	static GuideProblem problemAt(String file, String text, int offset, String message) {
		int line = 1;
		int lineStart = 0;
		for (int i = 0; i < offset; i++) {
			if (text.charAt(i) == '\n') {
				line++;
				lineStart = i + 1;
			}
		}
		return new GuideProblem(file, line, offset - lineStart + 1, message);
	}

	private static int indexOrEnd(String text, String token, int from) {
		int index = text.indexOf(token, from);
		return (index >= 0) ? index : text.length();
	}

	private static int endOfString(String drl, int start, char quote) {
		int i = start + 1;
		while (i < drl.length() && drl.charAt(i) != quote && drl.charAt(i) != '\n') {
			i += (drl.charAt(i) == '\\') ? 2 : 1;
		}
		return i + 1;
	}

	private static void blank(StringBuilder code, int from, int to) {
		for (int i = from; i < to; i++) {
			if (code.charAt(i) != '\n') {
				code.setCharAt(i, ' ');
			}
		}
	}

}
