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

	DecisionLogRepository(JdbcTemplate jdbc, TransactionTemplate transaction) {
		this.jdbc = jdbc;
		this.transaction = transaction;
	}

	/** Writes the rows in one transaction: all of them or, on failure, none. */
	void insert(List<DecisionRow> rows) {
		this.transaction
			.executeWithoutResult((status) -> this.jdbc.batchUpdate(INSERT, rows, rows.size(), (statement, row) -> {
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
			}));
	}

	/** Fails unless the database answers. */
	void ping() {
		this.jdbc.queryForObject("select 1", Integer.class);
	}

	boolean exists(UUID recommendationId) {
		Integer found = this.jdbc.queryForObject("select count(*) from decision_log where recommendation_id = ?",
				Integer.class, recommendationId);
		return found != null && found > 0;
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

}
