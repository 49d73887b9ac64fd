package dev.loraguide.experiment;

import dev.loraguide.system.PlainDecimal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules an experiments file must follow beyond field types: rules within one
 * experiment, rules across experiments, and the one rule that depends on what else is
 * loaded: every variant's guide must be serving.
 */
final class ExperimentsValidator {

	/**
	 * Weights are percentages written by people; this only absorbs binary rounding of
	 * decimals.
	 */
	private static final double WEIGHT_TOLERANCE = 1e-9;

	private ExperimentsValidator() {
	}

	/** Problems that depend on the file alone. */
	static List<ExperimentProblem> fileProblems(List<Experiment> experiments) {
		List<ExperimentProblem> problems = new ArrayList<>();
		Set<String> ids = new HashSet<>();
		List<Experiment> running = new ArrayList<>();
		for (Experiment experiment : experiments) {
			if (!ids.add(experiment.id())) {
				problems.add(new ExperimentProblem(experiment.id(), "id", "is used by another experiment too"));
			}
			problems.addAll(variantProblems(experiment));
			if (experiment.isRunning()) {
				for (Experiment earlier : running) {
					if (experiment.overlaps(earlier)) {
						problems.add(new ExperimentProblem(experiment.id(), "filter",
								"could claim the same requests as running experiment '" + earlier.id() + "' ("
										+ experiment.imageCounts() + " overlaps " + earlier.imageCounts()
										+ "); give them disjoint filter.imageCount ranges or stop one"));
					}
				}
				running.add(experiment);
			}
		}
		return problems;
	}

	/** Variants whose guide is not serving, one problem each. */
	static List<ExperimentProblem> guideProblems(List<Experiment> experiments, Set<String> servingGuides) {
		List<ExperimentProblem> problems = new ArrayList<>();
		for (Experiment experiment : experiments) {
			List<Variant> variants = experiment.variants();
			for (int i = 0; i < variants.size(); i++) {
				if (!servingGuides.contains(variants.get(i).guide())) {
					problems.add(new ExperimentProblem(experiment.id(), "variants[" + i + "].guide",
							"guide '" + variants.get(i).guide() + "' is not loaded"));
				}
			}
		}
		return problems;
	}

	private static List<ExperimentProblem> variantProblems(Experiment experiment) {
		List<ExperimentProblem> problems = new ArrayList<>();
		List<Variant> variants = experiment.variants();
		if (variants.size() < 2) {
			problems.add(new ExperimentProblem(experiment.id(), "variants",
					"needs at least two variants, a control and something to compare with it"));
		}
		Set<String> names = new HashSet<>();
		double total = 0;
		for (int i = 0; i < variants.size(); i++) {
			if (!names.add(variants.get(i).name())) {
				problems.add(new ExperimentProblem(experiment.id(), "variants[" + i + "].name",
						"'" + variants.get(i).name() + "' is used by another variant too"));
			}
			total += variants.get(i).weight();
		}
		if (!variants.isEmpty() && Math.abs(total - 100) > WEIGHT_TOLERANCE) {
			problems.add(new ExperimentProblem(experiment.id(), "variants[*].weight",
					"weights add up to " + PlainDecimal.of(total) + ", not 100"));
		}
		experiment.forced().forEach((actorId, variant) -> {
			if (!names.contains(variant)) {
				problems.add(new ExperimentProblem(experiment.id(), "forced." + actorId,
						"names no variant of this experiment: '" + variant + "'; expected one of "
								+ String.join(", ", variants.stream().map(Variant::name).toList())));
			}
		});
		return problems;
	}

}
