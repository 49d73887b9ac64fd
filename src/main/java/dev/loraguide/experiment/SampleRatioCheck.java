package dev.loraguide.experiment;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.statistics.inference.ChiSquareTest;
import org.apache.commons.statistics.inference.SignificanceResult;

/**
 * Sample-ratio mismatch: whether the actors the hash assigned are split as the weights
 * say, by a chi-square goodness-of-fit test. A mismatch means something other than the
 * hash decided who saw what (a filter, lost decisions, a bug), and the comparisons cannot
 * be trusted.
 *
 * @param chiSquare the test statistic, null when there is nothing to test yet
 * @param pValue its p-value, null when there is nothing to test yet
 * @param threshold p-value below which a mismatch is flagged
 * @param mismatch whether the split is off
 */
record SampleRatioCheck(@Schema(nullable = true) Double chiSquare, @Schema(nullable = true) Double pValue,
		double threshold, boolean mismatch) {

	static final double THRESHOLD = 0.001;

	/**
	 * @param weights each variant's weight; variants of weight 0 are left out, as nobody
	 * is expected there
	 * @param actors actors assigned to each variant, in the same order
	 */
	static SampleRatioCheck of(List<Double> weights, List<Long> actors) {
		double[] expected = new double[weights.size()];
		long[] observed = new long[weights.size()];
		int tested = 0;
		long total = 0;
		for (int i = 0; i < weights.size(); i++) {
			if (weights.get(i) > 0) {
				expected[tested] = weights.get(i);
				observed[tested] = actors.get(i);
				total += actors.get(i);
				tested++;
			}
		}
		if (tested < 2 || total == 0) {
			return new SampleRatioCheck(null, null, THRESHOLD, false);
		}
		SignificanceResult result = ChiSquareTest.withDefaults()
			.test(Arrays.copyOf(expected, tested), Arrays.copyOf(observed, tested));
		return new SampleRatioCheck(result.getStatistic(), result.getPValue(), THRESHOLD,
				result.getPValue() < THRESHOLD);
	}

}
