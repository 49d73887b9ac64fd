package dev.loraguide.decisionlog;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/** Writes decision rows and answers whether one exists. */
@Repository
class DecisionLogRepository {

	private static final String INSERT = """
			insert into decision_log (recommendation_id, made_at, actor_id, guide_id, guide_revision, experiment_id,
			    variant, forced_variant, request_json, answer_json)
			values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final Exposures exposures;

	DecisionLogRepository(JdbcTemplate jdbc, TransactionTemplate transaction, Exposures exposures) {
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.exposures = exposures;
	}

	/**
	 * Writes the rows, and the exposures they add, in one transaction: all of them or, on
	 * failure, none.
	 */
	void insert(List<DecisionRow> rows) {
		this.transaction.executeWithoutResult((status) -> {
			this.jdbc.batchUpdate(INSERT, rows, rows.size(), (statement, row) -> {
				statement.setObject(1, row.recommendationId());
				statement.setObject(2, row.madeAt().atOffset(ZoneOffset.UTC));
				statement.setString(3, row.actorId());
				statement.setString(4, row.guideId());
				statement.setString(5, row.guideRevision());
				statement.setString(6, row.experimentId());
				statement.setString(7, row.variant());
				statement.setBoolean(8, row.forcedVariant());
				statement.setString(9, row.requestJson());
				statement.setString(10, row.answerJson());
			});
			this.exposures.add(Exposures.count(rows.stream().map(DecisionRow::exposure).toList()));
		});
	}

	/** Fails unless the database answers. */
	void ping() {
		this.jdbc.queryForObject("select 1", Integer.class);
	}

	/**
	 * The experiment and variant a recommendation counts for in results, if it is in the
	 * log.
	 */
	Optional<Arm> arm(UUID recommendationId) {
		return this.jdbc
			.query("select experiment_id, variant, forced_variant from decision_log where recommendation_id = ?",
					(row, i) -> row.getBoolean("forced_variant") ? Arm.NONE
							: new Arm(row.getString("experiment_id"), row.getString("variant")),
					recommendationId)
			.stream()
			.findFirst();
	}

	Optional<LoggedRecommendation> find(UUID recommendationId) {
		return this.jdbc
			.query("select request_json, answer_json from decision_log where recommendation_id = ?",
					(row, i) -> new LoggedRecommendation(recommendationId, row.getString("request_json"),
							row.getString("answer_json")),
					recommendationId)
			.stream()
			.findFirst();
	}

	/**
	 * Where a decision counts in experiment results.
	 *
	 * @param experimentId experiment, null when it counts in none (not enrolled, or in a
	 * forced variant)
	 * @param variant variant, null likewise
	 */
	record Arm(String experimentId, String variant) {

		static final Arm NONE = new Arm(null, null);

	}

}
