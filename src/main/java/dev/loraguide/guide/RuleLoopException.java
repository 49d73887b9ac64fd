package dev.loraguide.guide;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A guide kept firing rules past the per-evaluation bound
 * ({@code guides.max-rule-firings}), which means rules re-activate each other. Thrown
 * instead of letting the request thread spin.
 */
public class RuleLoopException extends RuntimeException {

	/** How far back to look for the rules that make up the loop. */
	private static final int LOOP_WINDOW = 10;

	private final List<String> loopingRules;

	private final String lastFiredRule;

	RuleLoopException(int bound, List<String> firedRules) {
		super("rules fired " + bound + " times in one evaluation (guides.max-rule-firings), the last of them "
				+ loopOf(firedRules).stream().map((rule) -> "\"" + rule + "\"").collect(Collectors.joining(", ")));
		this.loopingRules = loopOf(firedRules);
		this.lastFiredRule = firedRules.get(firedRules.size() - 1);
	}

	/** The distinct rules among the last fired, in firing order. */
	private static List<String> loopOf(List<String> firedRules) {
		return List.copyOf(new LinkedHashSet<>(
				firedRules.subList(Math.max(0, firedRules.size() - LOOP_WINDOW), firedRules.size())));
	}

	/** The rules that kept firing just before the cut-off. */
	public List<String> getLoopingRules() {
		return this.loopingRules;
	}

	/** The rule that fired last before the cut-off, part of the loop. */
	public String getLastFiredRule() {
		return this.lastFiredRule;
	}

}
