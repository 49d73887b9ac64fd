package dev.loraguide.experiment;

import io.swagger.v3.oas.annotations.media.Schema;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * A 95 % confidence interval.
 *
 * @param lower lower bound
 * @param upper upper bound
 */
@Schema(nullable = true)
record ConfidenceInterval(double lower, double upper) {

	private static final double TWO_SIDED_TAIL = 0.025;

	/** {@code centre ± t(0.975, df) × standardError}. */
	static ConfidenceInterval of(double centre, double standardError, double degreesOfFreedom) {
		double t = TDistribution.of(degreesOfFreedom).inverseSurvivalProbability(TWO_SIDED_TAIL);
		return new ConfidenceInterval(centre - t * standardError, centre + t * standardError);
	}

}
