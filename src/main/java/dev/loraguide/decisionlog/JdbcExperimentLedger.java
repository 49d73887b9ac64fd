package dev.loraguide.decisionlog;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

import dev.loraguide.experiment.ExperimentLedger;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Experiment results from the summaries kept beside the decision log: the
 * {@code exposure} table (one row per actor and variant, see {@link Exposures}) and the
 * {@code outcome_total} table (one row per variant and metric, see
 * {@link OutcomeTotals}). Neither query reads the decisions or the outcomes themselves,
 * whose number grows with every request. The mean and the sample variance come from the
 * exact sums, rounded once to a double at the end.
 */
@Component
class JdbcExperimentLedger implements ExperimentLedger {

	private static final String EXPOSURES = """
			select variant, count(*) as actors, sum(decisions) as recommendations
			from exposure
			where experiment_id = ?
			group by variant""";

	private static final String OUTCOMES = """
			select variant, metric, outcomes, value_sum, square_sum
			from outcome_total
			where experiment_id = ?""";

	private final JdbcTemplate jdbc;

	JdbcExperimentLedger(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<VariantExposure> exposures(String experimentId) {
		return this.jdbc.query(EXPOSURES, (row, i) -> new VariantExposure(row.getString("variant"),
				row.getLong("actors"), row.getLong("recommendations")), experimentId);
	}

	@Override
	public List<MetricSummary> outcomes(String experimentId) {
		return this.jdbc.query(
				OUTCOMES, (row, i) -> summary(row.getString("variant"), row.getString("metric"),
						row.getLong("outcomes"), row.getBigDecimal("value_sum"), row.getBigDecimal("square_sum")),
				experimentId);
	}

	/**
	 * Mean S / n and sample variance (n Q - S²) / (n (n - 1)): the numerator is exact, so
	 * however close the values are, nothing cancels away.
	 */
	static MetricSummary summary(String variant, String metric, long n, BigDecimal sum, BigDecimal squares) {
		BigDecimal count = BigDecimal.valueOf(n);
		double mean = sum.divide(count, MathContext.DECIMAL128).doubleValue();
		Double variance = null;
		if (n >= 2) {
			BigDecimal spread = count.multiply(squares).subtract(sum.multiply(sum));
			variance = spread.divide(count.multiply(BigDecimal.valueOf(n - 1)), MathContext.DECIMAL128).doubleValue();
		}
		return new MetricSummary(variant, metric, n, mean, variance);
	}

}
