package dev.loraguide.guide;

import java.util.List;

/**
 * A guide kept firing rules past the per-evaluation bound, which means rules re-activate each
 * other. Thrown instead of letting the request thread spin.
 */
public class RuleLoopException extends RuntimeException {

	private final List<String> lastFiredRules;

	RuleLoopException(int bound, List<String> firedRules) {
		super("rules fired " + bound + " times in one evaluation (a rule loop?); last fired: "
				+ firedRules.subList(Math.max(0, firedRules.size() - 3), firedRules.size()));
		this.lastFiredRules = firedRules.subList(Math.max(0, firedRules.size() - 3), firedRules.size());
	}

	public List<String> getLastFiredRules() {
		return this.lastFiredRules;
	}

}
