package dev.loraguide.guide;

import org.kie.api.runtime.rule.ConsequenceException;

/**
 * Says in a guide author's words why an evaluation failed: which rule, and whether it
 * looped, recursed without end, ran out of memory or threw.
 */
public final class EvaluationFailure {

	private EvaluationFailure() {
	}

	/**
	 * The problem for a failure of an evaluation, {@code during} naming the input (such
	 * as "evaluating 20 images").
	 */
	public static GuideProblem of(GuideSource source, Throwable failure, String during) {
		if (failure instanceof RuleLoopException loop) {
			String message = "rule loop: " + loop.getMessage() + " (" + during + ")";
			return DrlText.ruleDeclaration(source, loop.getLastFiredRule(), message).orElse(GuideProblem.of(message));
		}
		String rule = ruleOf(failure);
		String what = describe(failure);
		String message = ((rule != null) ? "rule \"" + rule + "\" " : "the rules ") + what + " " + during;
		return (rule != null) ? DrlText.ruleDeclaration(source, rule, message).orElse(GuideProblem.of(message))
				: GuideProblem.of(message);
	}

	private static String describe(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof StackOverflowError) {
				return "recursed without end (stack overflow)";
			}
			if (cause instanceof OutOfMemoryError) {
				return "ran out of memory (the check's heap is capped at "
						+ Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB)";
			}
		}
		return "threw " + root(failure);
	}

	private static String ruleOf(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof ConsequenceException consequence && consequence.getMatch() != null) {
				return consequence.getMatch().getRule().getName();
			}
		}
		return null;
	}

	private static Throwable root(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root;
	}

}
