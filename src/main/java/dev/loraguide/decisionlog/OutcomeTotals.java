package dev.loraguide.decisionlog;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code outcome_total} table: per experiment, variant and metric, how many outcomes
 * count in the results, the sum of their values and the sum of their squares, in exact
 * decimals. It changes inside the transactions that change {@code outcome} (a posted
 * outcome, the retention pass), so the two never disagree, and the results of an
 * experiment read a handful of rows instead of every outcome. A value's share is always
 * computed by the database with the same cast as the V4 migration's back-fill, so that
 * taking an outcome away undoes adding it to the last digit. Rows are changed in key
 * order, so that the replicas and the retention pass never wait for each other in a
 * circle.
 */
@Component
class OutcomeTotals {

	/** The exact decimal type of migration V4, named there once. */
	private static final String VALUE = "cast(%s as outcome_share)";

	private static final String SQUARE = "cast(cast(%1$s as outcome_share) * cast(%1$s as outcome_share) as outcome_share)";

	/** PostgreSQL: an atomic upsert, safe when two replicas add the first row at once. */
	private static final String ADD_POSTGRES = """
			insert into outcome_total (experiment_id, variant, metric, outcomes, value_sum, square_sum)
			values (?, ?, ?, 1, %s, %s)
			on conflict (experiment_id, variant, metric) do update set outcomes = outcome_total.outcomes + 1,
			    value_sum = outcome_total.value_sum + excluded.value_sum,
			    square_sum = outcome_total.square_sum + excluded.square_sum"""
		.formatted(VALUE.formatted("cast(? as double precision)"), SQUARE.formatted("cast(? as double precision)"));

	/**
	 * H2 has no {@code on conflict ... do update}; its standard MERGE is atomic within
	 * its one process.
	 */
	private static final String ADD_STANDARD = """
			merge into outcome_total t
			using (values (cast(? as varchar(100)), cast(? as varchar(100)), cast(? as varchar(64)), %s, %s))
			    as s (experiment_id, variant, metric, value_sum, square_sum)
			on t.experiment_id = s.experiment_id and t.variant = s.variant and t.metric = s.metric
			when matched then update set outcomes = t.outcomes + 1, value_sum = t.value_sum + s.value_sum,
			    square_sum = t.square_sum + s.square_sum
			when not matched then insert (experiment_id, variant, metric, outcomes, value_sum, square_sum)
			    values (s.experiment_id, s.variant, s.metric, 1, s.value_sum, s.square_sum)"""
		.formatted(VALUE.formatted("cast(? as double precision)"), SQUARE.formatted("cast(? as double precision)"));

	private static final String REPLACE = """
			update outcome_total set value_sum = value_sum + %s - %s, square_sum = square_sum + %s - %s
			where experiment_id = ? and variant = ? and metric = ?""".formatted(
			VALUE.formatted("cast(? as double precision)"), VALUE.formatted("cast(? as double precision)"),
			SQUARE.formatted("cast(? as double precision)"), SQUARE.formatted("cast(? as double precision)"));

	private static final String LOCK = """
			select recommendation_id, metric, experiment_id, variant, %s as value_share, %s as square_share
			from outcome where recommendation_id in (%%s) order by recommendation_id, metric for update"""
		.formatted(VALUE.formatted("metric_value"), SQUARE.formatted("metric_value"));

	private static final String SUBTRACT = """
			update outcome_total set outcomes = outcomes - ?, value_sum = value_sum - ?, square_sum = square_sum - ?
			where experiment_id = ? and variant = ? and metric = ?""";

	private static final String REMOVE_EMPTY = """
			delete from outcome_total where experiment_id = ? and variant = ? and metric = ? and outcomes <= 0""";

	/** Ids per lock query, well under the bind-parameter limits of both databases. */
	private static final int LOCK_CHUNK = 1000;

	private final JdbcTemplate jdbc;

	private final Upsert add;

	OutcomeTotals(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.add = new Upsert(jdbc, ADD_POSTGRES, ADD_STANDARD);
	}

	/** Adds a new outcome, in the caller's transaction. */
	void add(Key key, double value) {
		this.jdbc.update(this.add.statement(), key.experimentId(), key.variant(), key.metric(), value, value, value);
	}

	/** Replaces an outcome's earlier value, in the caller's transaction. */
	void replace(Key key, double earlier, double value) {
		this.jdbc.update(REPLACE, value, earlier, value, value, earlier, earlier, key.experimentId(), key.variant(),
				key.metric());
	}

	/**
	 * Locks the outcomes of these recommendations until the caller's transaction ends, so
	 * that what it deletes is exactly what it read.
	 * @param recommendationIds the recommendations, in id order
	 * @return their outcomes with each one's share of the totals, in the order they were
	 * locked (recommendation, then metric)
	 */
	List<Held> lock(List<UUID> recommendationIds) {
		List<Held> held = new ArrayList<>();
		for (int from = 0; from < recommendationIds.size(); from += LOCK_CHUNK) {
			List<UUID> chunk = recommendationIds.subList(from, Math.min(from + LOCK_CHUNK, recommendationIds.size()));
			held.addAll(this.jdbc.query(LOCK.formatted(String.join(", ", Collections.nCopies(chunk.size(), "?"))),
					OutcomeTotals::held, chunk.toArray()));
		}
		return held;
	}

	private static Held held(ResultSet row, int i) throws SQLException {
		Key key = Key.of(row.getString("experiment_id"), row.getString("variant"), row.getString("metric"));
		return new Held(row.getObject("recommendation_id", UUID.class), row.getString("metric"), key,
				new Total(1, row.getBigDecimal("value_share"), row.getBigDecimal("square_share")));
	}

	/**
	 * Takes deleted outcomes away, in the caller's transaction, one update per total; a
	 * total left with no outcome is removed.
	 */
	void subtract(Collection<Held> deleted) {
		SortedMap<Key, Total> totals = new TreeMap<>(Key.ORDER);
		for (Held outcome : deleted) {
			if (outcome.key() != null) {
				totals.merge(outcome.key(), outcome.share(), Total::plus);
			}
		}
		if (totals.isEmpty()) {
			return;
		}
		this.jdbc.batchUpdate(SUBTRACT, totals.entrySet(), totals.size(), (statement, entry) -> {
			statement.setLong(1, entry.getValue().outcomes());
			statement.setBigDecimal(2, entry.getValue().valueSum());
			statement.setBigDecimal(3, entry.getValue().squareSum());
			statement.setString(4, entry.getKey().experimentId());
			statement.setString(5, entry.getKey().variant());
			statement.setString(6, entry.getKey().metric());
		});
		this.jdbc.batchUpdate(REMOVE_EMPTY, totals.keySet(), totals.size(), (statement, key) -> {
			statement.setString(1, key.experimentId());
			statement.setString(2, key.variant());
			statement.setString(3, key.metric());
		});
	}

	/**
	 * One metric in one variant of one experiment.
	 *
	 * @param experimentId experiment
	 * @param variant variant
	 * @param metric metric
	 */
	record Key(String experimentId, String variant, String metric) {

		static final Comparator<Key> ORDER = Comparator.comparing(Key::experimentId)
			.thenComparing(Key::variant)
			.thenComparing(Key::metric);

		/**
		 * The total an outcome of this experiment and variant counts in; null when its
		 * decision was in no experiment (or its variant was forced), so it counts in
		 * none.
		 */
		static Key of(String experimentId, String variant, String metric) {
			return (experimentId != null) ? new Key(experimentId, variant, metric) : null;
		}

	}

	/**
	 * Outcomes summed.
	 *
	 * @param outcomes how many
	 * @param valueSum the sum of their values
	 * @param squareSum the sum of their squares
	 */
	record Total(long outcomes, BigDecimal valueSum, BigDecimal squareSum) {

		Total plus(Total other) {
			return new Total(this.outcomes + other.outcomes, this.valueSum.add(other.valueSum),
					this.squareSum.add(other.squareSum));
		}

	}

	/**
	 * An outcome locked for deletion.
	 *
	 * @param recommendationId its recommendation
	 * @param metric its metric
	 * @param key the total it counts in, null when it counts in none
	 * @param share its share of that total
	 */
	record Held(UUID recommendationId, String metric, Key key, Total share) {
	}

}
