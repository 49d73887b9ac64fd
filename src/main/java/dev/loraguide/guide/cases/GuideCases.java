package dev.loraguide.guide.cases;

import dev.loraguide.guide.CompiledRules;
import dev.loraguide.guide.Evaluation;
import dev.loraguide.guide.EvaluationFailure;
import dev.loraguide.guide.GuideProblem;
import dev.loraguide.guide.GuideRefusedException;
import dev.loraguide.guide.GuideSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A guide's cases file ({@value #FILE}): its ML lead's unit tests, run before a revision
 * goes live and by the {@code check} command. A guide without the file has no cases.
 *
 * @param cases the cases in file order
 */
public record GuideCases(List<GuideCase> cases) {

	public static final String FILE = "cases.yaml";

	public GuideCases {
		cases = List.copyOf(cases);
	}

	/**
	 * Reads the cases of a guide folder.
	 * @throws GuideRefusedException when the file is not valid YAML or not in the cases
	 * format
	 */
	public static GuideCases of(GuideSource source) throws GuideRefusedException {
		String text = source.files().get(FILE);
		if (text == null) {
			return new GuideCases(List.of());
		}
		return CasesFileReader.read(source.id(), FILE, text);
	}

	public int size() {
		return this.cases.size();
	}

	/**
	 * Runs every case; returns one problem per failing case, pointing at what differs.
	 */
	public List<GuideProblem> run(GuideSource source, CompiledRules rules) {
		List<GuideProblem> failures = new ArrayList<>();
		for (GuideCase guideCase : this.cases) {
			Evaluation evaluation;
			try {
				evaluation = rules.evaluate(guideCase.dataset(), guideCase.overrides());
			}
			catch (Throwable ex) {
				GuideProblem failure = EvaluationFailure.of(source, ex, "in this case");
				failures
					.add(guideCase.where().problem("case \"" + guideCase.note() + "\" fails: " + failure.message()));
				continue;
			}
			List<GuideCase.Expected> differing = guideCase.want()
				.stream()
				.filter((expected) -> !CaseField.matches(expected.value(), expected.field().actual(evaluation)))
				.toList();
			if (!differing.isEmpty()) {
				failures.add(differing.get(0).where().problem(failure(guideCase, differing, evaluation)));
			}
		}
		return failures;
	}

	private static String failure(GuideCase guideCase, List<GuideCase.Expected> differing, Evaluation evaluation) {
		String differences = differing.stream()
			.map((expected) -> expected.field().key() + " want " + CaseField.show(expected.value()) + ", got "
					+ CaseField.show(expected.field().actual(evaluation)))
			.collect(Collectors.joining("; "));
		String fired = evaluation.firedRules().isEmpty() ? "none"
				: evaluation.firedRules().stream().map((rule) -> "\"" + rule + "\"").collect(Collectors.joining(", "));
		return "case \"" + guideCase.note() + "\" fails: " + differences + " (rules fired: " + fired + ")";
	}

}
