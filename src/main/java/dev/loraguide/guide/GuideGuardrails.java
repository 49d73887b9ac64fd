package dev.loraguide.guide;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refuses DRL that imports anything but the service's fact types ({@code guide.fact}) or
 * reaches for the process, threads, reflection, files or the network. DRL can run
 * arbitrary Java, so write access to the rules folder is the trust boundary; this is a
 * textual check that catches the obvious and the accidental, defence in depth rather than
 * a sandbox. Comments and string literals are ignored, so a rule may still say "System"
 * in its name or its advice.
 */
final class GuideGuardrails {

	/**
	 * A fact type or the whole fact package, nothing deeper: only facts are meant for
	 * rules.
	 */
	private static final Pattern FACT_IMPORT = Pattern.compile("dev\\.loraguide\\.guide\\.fact\\.(\\*|[A-Z][\\w$]*)");

	private static final Pattern IMPORT = Pattern
		.compile("\\bimport\\s+(?:(?:static|function|accumulate)\\s+)?([\\w.*$]+)");

	private static final String REFUSAL = " is not allowed in a guide: rules may use only the service's fact types "
			+ "(dev.loraguide.guide.fact.*) and plain values, never the process, threads, reflection, files or the network";

	private static final Map<String, Pattern> FORBIDDEN = Map.ofEntries(
			Map.entry("System", Pattern.compile("\\bSystem\\b")),
			Map.entry("Runtime", Pattern.compile("\\bRuntime\\b")),
			Map.entry("Thread", Pattern.compile("\\bThread\\b")),
			Map.entry("ProcessBuilder or Process", Pattern.compile("\\bProcess(Builder|Handle)?\\b")),
			Map.entry("reflection (java.lang.reflect)", Pattern.compile("\\bjava\\s*\\.\\s*lang\\s*\\.\\s*reflect\\b")),
			Map.entry("reflection (Class.forName)", Pattern.compile("\\bClass\\s*\\.\\s*forName\\b")),
			Map.entry("reflection (getClass)", Pattern.compile("\\bgetClass\\b")),
			Map.entry("reflection (a .class literal)", Pattern.compile("\\.\\s*class\\b")),
			Map.entry("reflection (class loaders)", Pattern.compile("\\b\\w*ClassLoader\\b")),
			Map.entry("reflection (method handles)", Pattern.compile("\\bMethodHandles?\\b")),
			Map.entry("java.io", Pattern.compile("\\bjava\\s*\\.\\s*io\\b")),
			Map.entry("java.nio", Pattern.compile("\\bjava\\s*\\.\\s*nio\\b")),
			Map.entry("java.net", Pattern.compile("\\bjava\\s*\\.\\s*net\\b")),
			Map.entry("java.util.concurrent (threads)",
					Pattern.compile("\\bjava\\s*\\.\\s*util\\s*\\.\\s*concurrent\\b")),
			Map.entry("Executors (threads)", Pattern.compile("\\bExecutors\\b")));

	private GuideGuardrails() {
	}

	static List<GuideProblem> check(GuideSource source) {
		List<GuideProblem> problems = new ArrayList<>();
		source.ruleFiles().forEach((file, drl) -> problems.addAll(check(file, drl)));
		return problems;
	}

	private static List<GuideProblem> check(String file, String drl) {
		StringBuilder code = new StringBuilder(DrlText.withoutCommentsAndStrings(drl));
		List<GuideProblem> problems = new ArrayList<>();
		Matcher imports = IMPORT.matcher(code);
		while (imports.find()) {
			String imported = imports.group(1);
			if (!FACT_IMPORT.matcher(imported).matches()) {
				problems.add(DrlText.problemAt(file, drl, imports.start(1), "import " + imported + REFUSAL));
			}
			// One problem per refused import, not a second one for the package it names.
			code.replace(imports.start(), imports.end(), " ".repeat(imports.end() - imports.start()));
		}
		FORBIDDEN.forEach((what, pattern) -> {
			Matcher use = pattern.matcher(code);
			while (use.find()) {
				problems.add(DrlText.problemAt(file, drl, use.start(), what + REFUSAL));
			}
		});
		problems.sort(GuideProblem.BY_POSITION);
		return problems;
	}

}
