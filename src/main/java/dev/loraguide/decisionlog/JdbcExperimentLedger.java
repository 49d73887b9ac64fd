package dev.loraguide.decisionlog;

import java.util.List;

import dev.loraguide.experiment.ExperimentLedger;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Experiment results from the summaries kept beside the decision log: the
 * {@code exposure} table (one row per actor and variant, see {@link Exposures}) and the
 * outcomes, which carry their variant. The database does the counting and the sums
 * (count, mean, sample variance); neither query reads the decisions themselves, whose
 * number grows with every request.
 */
@Component
class JdbcExperimentLedger implements ExperimentLedger {

	private static final String EXPOSURES = """
			select variant, count(*) as actors, sum(decisions) as recommendations
			from exposure
			where experiment_id = ?
			group by variant""";

	private static final String OUTCOMES = """
			select variant, metric, count(*) as n, avg(metric_value) as mean, var_samp(metric_value) as variance
			from outcome
			where experiment_id = ?
			group by variant, metric""";

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
				OUTCOMES, (row, i) -> new MetricSummary(row.getString("variant"), row.getString("metric"),
						row.getLong("n"), row.getDouble("mean"), row.getObject("variance", Double.class)),
				experimentId);
	}

}
