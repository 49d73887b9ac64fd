package dev.loraguide.guide;

import dev.loraguide.guide.cases.GuideCases;
import dev.loraguide.guide.cases.YamlNodes;

import java.util.ArrayList;
import java.util.List;

import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The validation gate: turns a guide folder's files into a {@link Guide} that is safe to
 * serve, or refuses it. A revision goes live only if it passes the guardrails, compiles,
 * recommends exactly one preset for every image count scanned, and passes its own cases;
 * a rule loop, cut off by the bound on rules fired, refuses it too.
 */
public class GuideLoader {

	private final GuideCompiler compiler;

	public GuideLoader(GuideCompiler compiler) {
		this.compiler = compiler;
	}

	public Guide load(GuideSource source) throws GuideRefusedException {
		GuideValidation validation = validate(source);
		if (!validation.passed()) {
			validation.discard();
			throw new GuideRefusedException(source.id(), validation.problems());
		}
		return new Guide(source, validation.description(), validation.rules(), validation.presetTable());
	}

	/**
	 * Runs every check and reports all that was found; the caller discards the result's
	 * rules.
	 */
	GuideValidation validate(GuideSource source) {
		List<GuideProblem> problems = new ArrayList<>();
		String description = description(source, problems);
		GuideCases cases = cases(source, problems);
		problems.addAll(GuideGuardrails.check(source));
		if (!problems.isEmpty()) {
			// Refused before compiling: code that breaks the guardrails is never
			// compiled.
			return GuideValidation.refused(source, description, problems);
		}
		CompiledRules rules;
		try {
			rules = this.compiler.compile(source);
		}
		catch (GuideRefusedException ex) {
			return GuideValidation.refused(source, description, ex.getProblems());
		}
		PresetTable presetTable;
		try {
			presetTable = PresetTable.derive(rules);
		}
		catch (RuleLoopException ex) {
			String message = "rule loop: " + ex.getMessage();
			problems
				.add(DrlText.ruleDeclaration(source, ex.getLastFiredRule(), message).orElse(GuideProblem.of(message)));
			return new GuideValidation(source, description, rules, null, 0, problems);
		}
		catch (RuntimeException ex) {
			problems.add(GuideProblem.of("evaluating the rules failed: " + ex.getMessage()));
			return new GuideValidation(source, description, rules, null, 0, problems);
		}
		problems.addAll(presetTable.problems());
		problems.addAll(cases.run(rules));
		return new GuideValidation(source, description, rules, presetTable, cases.size(), problems);
	}

	private static String description(GuideSource source, List<GuideProblem> problems) {
		try {
			return source.description();
		}
		catch (MarkedYAMLException ex) {
			problems.add(YamlNodes.problemOf(GuideSource.METADATA_FILE, ex));
		}
		catch (YAMLException ex) {
			problems.add(new GuideProblem(GuideSource.METADATA_FILE, 0, 0, ex.getMessage()));
		}
		return "";
	}

	private static GuideCases cases(GuideSource source, List<GuideProblem> problems) {
		try {
			return GuideCases.of(source);
		}
		catch (GuideRefusedException ex) {
			problems.addAll(ex.getProblems());
			return new GuideCases(List.of());
		}
	}

}
