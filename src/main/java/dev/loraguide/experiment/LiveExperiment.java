package dev.loraguide.experiment;

import java.util.List;
import java.util.Optional;

import dev.loraguide.experiment.GrowthBookHash.BucketRange;

/**
 * A running experiment ready to enrol actors: its variants' bucket ranges are worked out
 * once, when the experiments file is loaded.
 *
 * @param experiment the experiment
 * @param ranges one bucket range per variant, in variant order
 */
record LiveExperiment(Experiment experiment, List<BucketRange> ranges) {

	private static final double FULL_COVERAGE = 1;

	static LiveExperiment of(Experiment experiment) {
		List<Double> shares = experiment.variants().stream().map((variant) -> variant.weight() / 100).toList();
		return new LiveExperiment(experiment, GrowthBookHash.bucketRanges(shares.size(), FULL_COVERAGE, shares));
	}

	boolean claims(int imageCount) {
		return this.experiment.imageCounts().contains(imageCount);
	}

	/** The actor's variant: the forced one if the file names one, else the hashed one. */
	Optional<Choice> choose(String actorId) {
		String forced = this.experiment.forced().get(actorId);
		if (forced != null) {
			return this.experiment.variants()
				.stream()
				.filter((variant) -> variant.name().equals(forced))
				.findFirst()
				.map((variant) -> new Choice(variant, true));
		}
		double n = GrowthBookHash.hash(this.experiment.salt(), actorId, GrowthBookHash.ASSIGNMENT_VERSION);
		int index = GrowthBookHash.chooseVariation(n, this.ranges);
		return (index >= 0) ? Optional.of(new Choice(this.experiment.variants().get(index), false)) : Optional.empty();
	}

	/**
	 * The variant chosen for one actor.
	 *
	 * @param variant the variant
	 * @param forced whether the experiments file forced it rather than the hash choosing
	 * it
	 */
	record Choice(Variant variant, boolean forced) {
	}

}
