package dev.loraguide.decisionlog;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes decisions older than {@code decisionlog.retention}, with their outcomes and
 * their share of the exposures and outcome totals, a small batch per transaction: each
 * transaction locks the old rows it deletes, which no writer touches, and the exposure
 * and total rows they counted in, which a writer holds only while its batch or outcome
 * commits, so new decisions keep being written meanwhile (bench/scale.sh measures it).
 * Every replica runs it; two replicas deleting the same batch only wait for each other's
 * commit.
 */
@Component
class DecisionLogRetention {

	private static final Logger logger = LoggerFactory.getLogger(DecisionLogRetention.class);

	private static final String OLDEST = """
			select recommendation_id, experiment_id, variant, actor_id, forced_variant
			from decision_log where made_at < ? order by made_at limit ?""";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final Exposures exposures;

	private final OutcomeTotals totals;

	private final DecisionLogProperties properties;

	private final Counter deleted;

	private final Clock clock = Clock.systemUTC();

	DecisionLogRetention(JdbcTemplate jdbc, TransactionTemplate transaction, Exposures exposures, OutcomeTotals totals,
			DecisionLogProperties properties, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.exposures = exposures;
		this.totals = totals;
		this.properties = properties;
		this.deleted = Counter.builder("lora.decisionlog.retention.deleted")
			.description("Decisions deleted by the retention pass for being older than decisionlog.retention")
			.register(meters);
	}

	/**
	 * Deletes what is older than the retention, batch by batch.
	 * @return decisions deleted
	 */
	long pass() {
		if (keepsEverything()) {
			return 0;
		}
		Instant cutoff = this.clock.instant().minus(this.properties.retention());
		long started = System.nanoTime();
		long total = 0;
		Batch batch;
		do {
			batch = deleteBatch(cutoff);
			total += batch.deleted();
		}
		while (batch.selected() == this.properties.retentionBatchSize() && !Thread.currentThread().isInterrupted());
		if (total > 0) {
			logger.info("Decision log retention deleted {} decisions older than {} in {} ms", total, cutoff,
					Duration.ofNanos(System.nanoTime() - started).toMillis());
		}
		return total;
	}

	/**
	 * Deletes one batch of the oldest decisions, their outcomes, their exposures and
	 * their outcomes' totals. Only the decisions this transaction did delete are
	 * subtracted from the exposures: another replica's pass may have deleted some of the
	 * same batch first. The outcomes are locked before they are read, and only those read
	 * are deleted and subtracted; an outcome posted meanwhile for one of these decisions
	 * keeps its decision from being deleted, and the batch is tried again at the next
	 * pass.
	 */
	private Batch deleteBatch(Instant cutoff) {
		Batch batch = this.transaction.execute((status) -> {
			List<Old> old = new ArrayList<>(this.jdbc.query(OLDEST,
					(row, i) -> new Old(row.getObject("recommendation_id", UUID.class),
							new Exposures.Decision(row.getString("experiment_id"), row.getString("variant"),
									row.getString("actor_id"), row.getBoolean("forced_variant"))),
					Timestamp.from(cutoff), this.properties.retentionBatchSize()));
			// In id order, as another replica's pass deletes them: neither waits for the
			// other in a circle.
			old.sort(Comparator.comparing(Old::id));
			List<UUID> ids = old.stream().map(Old::id).toList();
			List<OutcomeTotals.Held> outcomes = this.totals.lock(ids);
			int[][] outcomesDeleted = (outcomes.isEmpty()) ? new int[0][]
					: this.jdbc.batchUpdate("delete from outcome where recommendation_id = ? and metric = ?", outcomes,
							outcomes.size(), (statement, outcome) -> {
								statement.setObject(1, outcome.recommendationId());
								statement.setString(2, outcome.metric());
							});
			int[][] counts = deleteAll("delete from decision_log where recommendation_id = ?", ids);
			List<Exposures.Decision> deleted = deletedOnly(old, counts).stream().map(Old::decision).toList();
			this.exposures.subtract(Exposures.count(deleted));
			this.totals.subtract(deletedOnly(outcomes, outcomesDeleted));
			return new Batch(old.size(), deleted.size());
		});
		this.deleted.increment(batch.deleted());
		return batch;
	}

	private static <T> List<T> deletedOnly(List<T> rows, int[][] counts) {
		List<T> deleted = new ArrayList<>();
		int i = 0;
		for (int[] chunk : counts) {
			for (int count : chunk) {
				if (count != 0) {
					deleted.add(rows.get(i));
				}
				i++;
			}
		}
		return deleted;
	}

	private int[][] deleteAll(String sql, List<UUID> ids) {
		if (ids.isEmpty()) {
			return new int[0][];
		}
		return this.jdbc.batchUpdate(sql, ids, ids.size(), (statement, id) -> statement.setObject(1, id));
	}

	void passLogged() {
		try {
			pass();
		}
		catch (RuntimeException ex) {
			logger.warn("Decision log retention pass failed, trying again in {}: {}",
					this.properties.retentionInterval(), ex.getMessage());
		}
	}

	boolean keepsEverything() {
		return this.properties.retention().isZero();
	}

	private record Old(UUID id, Exposures.Decision decision) {
	}

	/**
	 * One batch of a pass.
	 *
	 * @param selected decisions found older than the retention
	 * @param deleted those this pass deleted
	 */
	private record Batch(int selected, int deleted) {
	}

}
