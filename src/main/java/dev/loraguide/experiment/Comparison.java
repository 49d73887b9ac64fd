package dev.loraguide.experiment;

import io.swagger.v3.oas.annotations.media.Schema;
import dev.loraguide.experiment.ExperimentLedger.MetricSummary;
import org.apache.commons.statistics.inference.DataDispersion;
import org.apache.commons.statistics.inference.TTest;

/**
 * One metric of a variant against the control, by Welch's t-test (no equal-variance
 * assumption).
 *
 * @param difference variant mean minus control mean
 * @param ci95 95 % confidence interval of the difference (Welch–Satterthwaite degrees of
 * freedom)
 * @param pValue two-sided p-value of Welch's t-test
 * @param degreesOfFreedom Welch–Satterthwaite degrees of freedom
 */
record Comparison(double difference, ConfidenceInterval ci95, @Schema(nullable = true) Double pValue,
		@Schema(nullable = true) Double degreesOfFreedom) {

	private static final TTest WELCH = TTest.withDefaults().with(DataDispersion.HETEROSCEDASTIC);

	/**
	 * @return the comparison; without a p-value when either side has fewer than 2
	 * outcomes or neither varies, since the test is then undefined
	 */
	static Comparison of(MetricSummary variant, MetricSummary control) {
		double difference = variant.mean() - control.mean();
		if (variant.variance() == null || control.variance() == null || variant.count() < 2 || control.count() < 2
				|| variant.variance() + control.variance() == 0) {
			return new Comparison(difference, null, null, null);
		}
		TTest.Result test = WELCH.test(variant.mean(), variant.variance(), variant.count(), control.mean(),
				control.variance(), control.count());
		double standardError = Math.sqrt(variant.variance() / variant.count() + control.variance() / control.count());
		return new Comparison(difference, ConfidenceInterval.of(difference, standardError, test.getDegreesOfFreedom()),
				test.getPValue(), test.getDegreesOfFreedom());
	}

}
