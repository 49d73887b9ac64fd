package dev.loraguide.guide;

import java.time.Duration;
import java.util.List;

/**
 * Everything the validation gate found about one revision of a guide.
 *
 * @param source the files validated
 * @param description the guide's description
 * @param rules the compiled rules, null when the revision did not compile or was refused
 * before
 * @param presetTable the preset table, null when it could not be derived
 * @param casesRun how many of the guide's cases ran
 * @param p99 99th-percentile evaluation time over every image count, null when not
 * measured
 * @param problems everything that keeps the revision from going live, empty when it may
 */
record GuideValidation(GuideSource source, String description, CompiledRules rules, PresetTable presetTable,
		int casesRun, Duration p99, List<GuideProblem> problems) {

	GuideValidation {
		problems = List.copyOf(problems);
	}

	static GuideValidation refused(GuideSource source, String description, List<GuideProblem> problems) {
		return new GuideValidation(source, description, null, null, 0, null, problems);
	}

	boolean passed() {
		return this.problems.isEmpty();
	}

	/** Frees the compiled rules of a revision that will not be served. */
	void discard() {
		if (this.rules != null) {
			this.rules.dispose();
		}
	}

}
