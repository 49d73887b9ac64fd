package dev.loraguide.decisionlog;

import java.util.List;

import dev.loraguide.experiment.ExperimentLedger;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Experiment results straight from the decision log. The database does the counting and
 * the sums (count, mean, sample variance), so reading results costs the same whatever the
 * number of decisions.
 */
@Component
class JdbcExperimentLedger implements ExperimentLedger {

	private static final String EXPOSURES = """
			select variant, count(distinct actor_id) as actors, count(*) as recommendations
			from decision_log
			where experiment_id = ? and forced_variant = false
			group by variant""";

	private static final String OUTCOMES = """
			select d.variant, o.metric, count(*) as n, avg(o.metric_value) as mean, var_samp(o.metric_value) as variance
			from outcome o join decision_log d on d.recommendation_id = o.recommendation_id
			where d.experiment_id = ? and d.forced_variant = false
			group by d.variant, o.metric""";

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
