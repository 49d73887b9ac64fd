package dev.loraguide.experiment;

import io.swagger.v3.oas.annotations.media.Schema;
import dev.loraguide.experiment.ExperimentLedger.MetricSummary;

/**
 * One metric in one variant.
 *
 * @param count number of outcomes
 * @param mean their mean
 * @param standardDeviation sample standard deviation, null below 2 outcomes
 * @param ci95 95 % confidence interval of the mean (Student's t), null below 2 outcomes
 */
record MetricStatistics(long count, double mean, @Schema(nullable = true) Double standardDeviation,
		ConfidenceInterval ci95) {

	static MetricStatistics of(MetricSummary summary) {
		if (summary.variance() == null || summary.count() < 2) {
			return new MetricStatistics(summary.count(), summary.mean(), null, null);
		}
		double sd = Math.sqrt(summary.variance());
		return new MetricStatistics(summary.count(), summary.mean(), sd,
				ConfidenceInterval.of(summary.mean(), sd / Math.sqrt(summary.count()), summary.count() - 1));
	}

}
