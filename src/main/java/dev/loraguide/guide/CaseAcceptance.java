package dev.loraguide.guide;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

/**
 * {@code check --accept}: takes an edit of a guide's rules into its cases. A case the
 * edit changed (it passes on the baseline, the guide as it was, and fails now) gets the
 * new values written over the wanted ones that differ; a case that fails on the baseline
 * too fails for another reason and is left as it is, and so is one whose evaluation
 * fails. The baseline is the guide's last committed version ({@link GitBaseline}) or a
 * folder given with {@code --against}.
 */
final class CaseAcceptance {

	private final GuideCompiler compiler = new GuideCompiler(Integer.parseInt(GuidesProperties.MAX_RULE_FIRINGS));

	private final PrintStream out;

	CaseAcceptance(PrintStream out) {
		this.out = out;
	}

	/**
	 * Rewrites the cases the edit changed in one guide folder.
	 * @return how many cases were rewritten
	 * @throws IllegalArgumentException when the guide or its baseline cannot be used,
	 * with the reason for the user
	 */
	int accept(Path folder, GuideSource baseline) {
		GuideSource source = GuideSource.read(folder);
		String text = source.files().get(GuideCases.FILE);
		if (text == null) {
			this.out.printf(Locale.ROOT, "%s: no %s, nothing to accept%n", folder, GuideCases.FILE);
			return 0;
		}
		GuideCases cases;
		try {
			cases = GuideCases.of(source);
		}
		catch (GuideRejectedException ex) {
			throw new IllegalArgumentException(problems(folder, "its cases file is not valid", ex));
		}
		CompiledRules now = compile(folder, source, "the edited guide");
		CompiledRules before = null;
		try {
			before = compile(folder, baseline, "the baseline");
			CasesFileEditor editor = new CasesFileEditor(text);
			int rewritten = 0;
			for (int i = 0; i < cases.size(); i++) {
				rewritten += accept(folder, i, cases.cases().get(i), now, before, editor) ? 1 : 0;
			}
			if (rewritten > 0) {
				write(folder.resolve(GuideCases.FILE), editor.text());
			}
			this.out.printf(Locale.ROOT, "%s: %d case%s rewritten%n%n", folder, rewritten, (rewritten == 1) ? "" : "s");
			return rewritten;
		}
		finally {
			now.dispose();
			if (before != null) {
				before.dispose();
			}
		}
	}

	private boolean accept(Path folder, int index, GuideCase guideCase, CompiledRules now, CompiledRules before,
			CasesFileEditor editor) {
		String where = folder.resolve(GuideCases.FILE) + ":" + guideCase.where().line() + ": case \"" + guideCase.note()
				+ "\"";
		Evaluation actual;
		Evaluation baseline;
		try {
			actual = now.evaluate(guideCase.dataset(), guideCase.overrides());
			baseline = before.evaluate(guideCase.dataset(), guideCase.overrides());
		}
		catch (RuntimeException ex) {
			this.out.println(where + ": left as is, its evaluation fails: " + ex.getMessage());
			return false;
		}
		List<GuideCase.Expected> differing = differing(guideCase, actual);
		if (differing.isEmpty()) {
			return false;
		}
		if (!differing(guideCase, baseline).isEmpty()) {
			this.out.println(where + ": left as is, it fails on the baseline too (another reason than this edit)");
			return false;
		}
		for (GuideCase.Expected expected : differing) {
			Object value = expected.field().actual(actual);
			editor.set(index, expected.field(), value);
			this.out.printf(Locale.ROOT, "%s: %s %s → %s%n", where, expected.field().key(),
					CaseField.show(expected.value()), CaseField.show(value));
		}
		return true;
	}

	private static List<GuideCase.Expected> differing(GuideCase guideCase, Evaluation evaluation) {
		return guideCase.want()
			.stream()
			.filter((expected) -> !CaseField.matches(expected.value(), expected.field().actual(evaluation)))
			.toList();
	}

	private CompiledRules compile(Path folder, GuideSource source, String what) {
		try {
			return this.compiler.compile(source);
		}
		catch (GuideRejectedException ex) {
			throw new IllegalArgumentException(problems(folder, what + " does not compile", ex));
		}
	}

	private static String problems(Path folder, String what, GuideRejectedException ex) {
		return folder + ": " + what + ":\n  " + String.join("\n  ",
				ex.getProblems().stream().map((problem) -> folder.resolve(problem.toString()).toString()).toList());
	}

	/** Write then rename, as editors save, so the service never reads half a file. */
	private static void write(Path file, String text) {
		try {
			Path temporary = Files.createTempFile(file.getParent(), ".cases-", ".yaml");
			Files.writeString(temporary, text, StandardCharsets.UTF_8);
			Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write " + file, ex);
		}
	}

}
