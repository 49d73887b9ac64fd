package dev.loraguide.decisionlog;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.loraguide.experiment.OutcomeStore;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Outcomes in the {@code outcome} table, one row per recommendation and metric. The
 * decision row may still be in the queue when an outcome arrives right after its
 * recommendation, so the outcome waits for it first. Each outcome carries its decision's
 * experiment and variant, and the {@link OutcomeTotals} of its experiment change in the
 * same transaction, so that results read the totals without the decision log or the
 * outcomes. The earlier value is locked and read before it is replaced, because the
 * totals must lose exactly it; a concurrent first insert of the same metric loses the
 * race, rolls back, and is written again as a replacement.
 */
@Component
class JdbcOutcomeStore implements OutcomeStore {

	private static final String EARLIER = """
			select metric_value, experiment_id, variant from outcome where recommendation_id = ? and metric = ? for update""";

	private static final String UPDATE = """
			update outcome set metric_value = ?, recorded_at = ? where recommendation_id = ? and metric = ?""";

	private static final String INSERT = """
			insert into outcome (recommendation_id, metric, metric_value, recorded_at, experiment_id, variant)
			values (?, ?, ?, ?, ?, ?)""";

	private final DecisionQueue queue;

	private final DecisionLogRepository decisions;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final OutcomeTotals totals;

	private final DecisionLogProperties properties;

	private final Clock clock = Clock.systemUTC();

	JdbcOutcomeStore(DecisionQueue queue, DecisionLogRepository decisions, JdbcTemplate jdbc,
			TransactionTemplate transaction, OutcomeTotals totals, DecisionLogProperties properties) {
		this.queue = queue;
		this.decisions = decisions;
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.totals = totals;
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
		try {
			return write(recommendationId, metric, value, now, arm.get());
		}
		catch (DuplicateKeyException ex) {
			return write(recommendationId, metric, value, now, arm.get());
		}
	}

	/**
	 * Writes the outcome and changes the total it counts in: for a replaced value, the
	 * total the stored row counts in, so that the totals always sum the rows as stored.
	 */
	private Result write(UUID recommendationId, String metric, double value, OffsetDateTime now,
			DecisionLogRepository.Arm arm) {
		return this.transaction.execute((status) -> {
			List<Earlier> earlier = this.jdbc.query(EARLIER,
					(row, i) -> new Earlier(row.getDouble("metric_value"),
							OutcomeTotals.Key.of(row.getString("experiment_id"), row.getString("variant"), metric)),
					recommendationId, metric);
			if (!earlier.isEmpty()) {
				this.jdbc.update(UPDATE, value, now, recommendationId, metric);
				if (earlier.get(0).total() != null) {
					this.totals.replace(earlier.get(0).total(), earlier.get(0).value(), value);
				}
				return Result.REPLACED;
			}
			this.jdbc.update(INSERT, recommendationId, metric, value, now, arm.experimentId(), arm.variant());
			OutcomeTotals.Key total = OutcomeTotals.Key.of(arm.experimentId(), arm.variant(), metric);
			if (total != null) {
				this.totals.add(total, value);
			}
			return Result.CREATED;
		});
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

	/**
	 * The value an outcome replaces.
	 *
	 * @param value the earlier value
	 * @param total the total it counts in, null when none
	 */
	private record Earlier(double value, OutcomeTotals.Key total) {
	}

}
