package dev.loraguide.guide;

import dev.loraguide.guide.cases.GuideCases;
import dev.loraguide.guide.cases.YamlNodes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The validation gate: turns a guide folder's files into a {@link Guide} that is safe to
 * serve, or refuses it. A revision goes live only if it passes the guardrails, compiles,
 * gives exactly one preset and every parameter at every image count, evaluates within the
 * time budget, and passes its own cases; a rule loop, cut off by the bound on rules
 * fired, refuses it too.
 * <p>
 * The service runs these checks in a process of its own ({@link GuideGate}) and, once
 * they pass, only compiles the revision here; without a gate (the {@code check} command
 * itself, benchmarks, tests) they run in this process.
 */
public class GuideLoader {

	private final GuideCompiler compiler;

	private final RevisionCheck gate;

	private final Duration p99Budget;

	/** A loader that checks revisions in this process, with the default budget. */
	public GuideLoader(GuideCompiler compiler) {
		this(compiler, null, GuidesProperties.Gate.defaults().p99Budget());
	}

	GuideLoader(GuideCompiler compiler, RevisionCheck gate, Duration p99Budget) {
		this.compiler = compiler;
		this.gate = gate;
		this.p99Budget = p99Budget;
	}

	public Guide load(GuideSource source) throws GuideRefusedException {
		if (this.gate != null) {
			return loadCheckedElsewhere(source);
		}
		GuideValidation validation = validate(source, this.p99Budget, (doing) -> {
		});
		if (!validation.passed()) {
			validation.discard();
			throw new GuideRefusedException(source.id(), validation.problems());
		}
		return new Guide(source, validation.description(), validation.rules(), validation.presetTable());
	}

	/**
	 * Runs the checks in the gate's process, then compiles what passed: nothing of the
	 * revision runs here until the gate has evaluated it at every image count within the
	 * budget.
	 */
	private Guide loadCheckedElsewhere(GuideSource source) throws GuideRefusedException {
		GuideVerdict verdict = this.gate.check(source);
		if (!verdict.passed()) {
			throw new GuideRefusedException(source.id(), verdict.problems());
		}
		return new Guide(source, verdict.description(), this.compiler.compile(source),
				new PresetTable(verdict.presets(), List.of()));
	}

	/**
	 * Runs every check and reports all that was found; the caller discards the result's
	 * rules. Every failure of the rules, errors included, is a problem of the revision.
	 * @param progress told what is being checked, for the message of a check stopped at
	 * its time limit
	 */
	GuideValidation validate(GuideSource source, Duration p99Budget, Consumer<String> progress) {
		List<GuideProblem> problems = new ArrayList<>();
		progress.accept("reading guide.yaml and cases.yaml");
		String description = description(source, problems);
		GuideCases cases = cases(source, problems);
		progress.accept("checking the guardrails");
		problems.addAll(GuideGuardrails.check(source));
		if (!problems.isEmpty()) {
			// Refused before compiling: code that breaks the guardrails is never
			// compiled.
			return GuideValidation.refused(source, description, problems);
		}
		CompiledRules rules;
		progress.accept("compiling");
		try {
			rules = this.compiler.compile(source);
		}
		catch (GuideRefusedException ex) {
			return GuideValidation.refused(source, description, ex.getProblems());
		}
		ImageCountScan.Result scan = ImageCountScan.run(source, rules, p99Budget, progress);
		problems.addAll(scan.problems());
		if (scan.presetTable() == null) {
			return new GuideValidation(source, description, rules, null, 0, null, problems);
		}
		progress.accept("running the cases");
		problems.addAll(cases.run(source, rules));
		return new GuideValidation(source, description, rules, scan.presetTable(), cases.size(), scan.p99(), problems);
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
