package dev.loraguide.decisionlog;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import dev.loraguide.experiment.OutcomeStore;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Outcomes in the {@code outcome} table, one row per recommendation and metric. The
 * decision row may still be in the queue when an outcome arrives right after its
 * recommendation, so the outcome waits for it first. Each outcome carries its decision's
 * experiment and variant, so that results read outcomes without the decision log.
 * Replacing is update-then-insert, which behaves the same on H2 and PostgreSQL; a
 * concurrent first insert of the same metric loses the race, and its value is written as
 * an update.
 */
@Component
class JdbcOutcomeStore implements OutcomeStore {

	private static final String UPDATE = """
			update outcome set metric_value = ?, recorded_at = ? where recommendation_id = ? and metric = ?""";

	private static final String INSERT = """
			insert into outcome (recommendation_id, metric, metric_value, recorded_at, experiment_id, variant)
			values (?, ?, ?, ?, ?, ?)""";

	private final DecisionQueue queue;

	private final DecisionLogRepository decisions;

	private final JdbcTemplate jdbc;

	private final DecisionLogProperties properties;

	private final Clock clock = Clock.systemUTC();

	JdbcOutcomeStore(DecisionQueue queue, DecisionLogRepository decisions, JdbcTemplate jdbc,
			DecisionLogProperties properties) {
		this.queue = queue;
		this.decisions = decisions;
		this.jdbc = jdbc;
		this.properties = properties;
	}

	@Override
	public Result record(UUID recommendationId, String metric, double value) {
		switch (awaitDecision(recommendationId)) {
			case PENDING -> throw new DecisionLogBehindException(recommendationId, this.properties.outcomeWait());
			case DROPPED -> {
				return Result.NOT_RECORDED;
			}
			case SETTLED -> {
				// written, or never made here: the table tells which
			}
		}
		Optional<DecisionLogRepository.Arm> arm = this.decisions.arm(recommendationId);
		if (arm.isEmpty()) {
			return Result.UNKNOWN_RECOMMENDATION;
		}
		OffsetDateTime now = this.clock.instant().atOffset(ZoneOffset.UTC);
		if (this.jdbc.update(UPDATE, value, now, recommendationId, metric) > 0) {
			return Result.REPLACED;
		}
		try {
			this.jdbc.update(INSERT, recommendationId, metric, value, now, arm.get().experimentId(),
					arm.get().variant());
			return Result.CREATED;
		}
		catch (DuplicateKeyException ex) {
			this.jdbc.update(UPDATE, value, now, recommendationId, metric);
			return Result.REPLACED;
		}
	}

	private DecisionQueue.Fate awaitDecision(UUID recommendationId) {
		try {
			return this.queue.await(recommendationId, this.properties.outcomeWait());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return DecisionQueue.Fate.PENDING;
		}
	}

}
