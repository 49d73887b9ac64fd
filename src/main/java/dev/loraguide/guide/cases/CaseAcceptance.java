package dev.loraguide.guide.cases;

import dev.loraguide.guide.CompiledRules;
import dev.loraguide.guide.Evaluation;
import dev.loraguide.guide.GuideRefusedException;
import dev.loraguide.guide.GuideSource;

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
 * fails. The caller compiles both: for {@code check} the baseline is the guide's last
 * committed version, or a folder named with {@code --against}.
 */
public final class CaseAcceptance {

	private final PrintStream out;

	public CaseAcceptance(PrintStream out) {
		this.out = out;
	}

	/**
	 * Rewrites the cases the edit changed in one guide folder.
	 * @param folder the edited guide folder
	 * @param now the edited guide's rules
	 * @param before the baseline's rules
	 * @return how many cases were rewritten
	 * @throws IllegalArgumentException when the cases file is not valid, with the reason
	 * for the user
	 */
	public int accept(Path folder, CompiledRules now, CompiledRules before) {
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
		catch (GuideRefusedException ex) {
			throw new IllegalArgumentException(folder + ": its cases file is not valid:\n  "
					+ String.join("\n  ",
							ex.getProblems()
								.stream()
								.map((problem) -> folder.resolve(problem.toString()).toString())
								.toList()));
		}
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
