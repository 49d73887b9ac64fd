package dev.loraguide.guide;

import java.util.List;

/**
 * What the check found about one guide revision, as {@code check --format json} prints it
 * and the service's gate reads it back.
 *
 * @param guide guide id
 * @param revision the revision checked
 * @param description the guide's description
 * @param passed whether the revision may serve
 * @param casesRun how many of the guide's cases ran
 * @param p99Micros 99th-percentile evaluation time over every image count, in
 * microseconds; null when not measured
 * @param problems why it may not serve, empty when it may
 * @param presets the preset table, empty when it could not be derived
 */
public record GuideVerdict(String guide, String revision, String description, boolean passed, int casesRun,
		Double p99Micros, List<GuideProblem> problems, List<PresetRow> presets) {

	public GuideVerdict {
		problems = List.copyOf(problems);
		presets = (presets != null) ? List.copyOf(presets) : List.of();
	}

	static GuideVerdict of(GuideValidation validation) {
		return new GuideVerdict(validation.source().id(), validation.source().revision(), validation.description(),
				validation.passed(), validation.casesRun(),
				(validation.p99() != null) ? validation.p99().toNanos() / 1000.0 : null, validation.problems(),
				(validation.presetTable() != null) ? validation.presetTable().rows() : List.of());
	}

	/** A revision refused without a report of the check, such as one over its limits. */
	static GuideVerdict refused(GuideSource source, GuideProblem problem) {
		return new GuideVerdict(source.id(), source.revision(), "", false, 0, null, List.of(problem), List.of());
	}

	/** The report of one {@code check --format json} run. */
	record Report(List<GuideVerdict> guides) {

		Report {
			guides = List.copyOf(guides);
		}

	}

}
