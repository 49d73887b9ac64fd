package dev.loraguide.decisionlog;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes decisions older than {@code decisionlog.retention}, with their outcomes, a
 * small batch per transaction: each transaction locks only the old rows it deletes, which
 * no writer touches, so new decisions keep being written meanwhile. Every replica runs
 * it; two replicas deleting the same batch only wait for each other's commit.
 */
@Component
class DecisionLogRetention implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(DecisionLogRetention.class);

	private static final String OLDEST = "select recommendation_id from decision_log where made_at < ? order by made_at limit ?";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final DecisionLogProperties properties;

	private final Counter deleted;

	private final Clock clock = Clock.systemUTC();

	private ScheduledExecutorService thread;

	DecisionLogRetention(JdbcTemplate jdbc, TransactionTemplate transaction, DecisionLogProperties properties,
			MeterRegistry meters) {
		this.jdbc = jdbc;
		this.transaction = transaction;
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
		Instant cutoff = this.clock.instant().minus(this.properties.retention());
		long started = System.nanoTime();
		long total = 0;
		int deletedNow;
		do {
			deletedNow = deleteBatch(cutoff);
			total += deletedNow;
		}
		while (deletedNow == this.properties.retentionBatchSize() && !Thread.currentThread().isInterrupted());
		if (total > 0) {
			logger.info("Decision log retention deleted {} decisions older than {} in {} ms", total, cutoff,
					Duration.ofNanos(System.nanoTime() - started).toMillis());
		}
		return total;
	}

	private int deleteBatch(Instant cutoff) {
		Integer count = this.transaction.execute((status) -> {
			List<UUID> ids = this.jdbc.queryForList(OLDEST, UUID.class, Timestamp.from(cutoff),
					this.properties.retentionBatchSize());
			if (!ids.isEmpty()) {
				deleteAll("delete from outcome where recommendation_id = ?", ids);
				deleteAll("delete from decision_log where recommendation_id = ?", ids);
			}
			return ids.size();
		});
		int deletedNow = (count != null) ? count : 0;
		this.deleted.increment(deletedNow);
		return deletedNow;
	}

	private void deleteAll(String sql, List<UUID> ids) {
		this.jdbc.batchUpdate(sql, ids, ids.size(), (statement, id) -> statement.setObject(1, id));
	}

	private void passLogged() {
		try {
			pass();
		}
		catch (RuntimeException ex) {
			logger.warn("Decision log retention pass failed, trying again in {}: {}",
					this.properties.retentionInterval(), ex.getMessage());
		}
	}

	@Override
	public synchronized void start() {
		if (this.properties.retention().isZero()) {
			return;
		}
		this.thread = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "decision-log-retention");
			thread.setDaemon(true);
			return thread;
		});
		long millis = this.properties.retentionInterval().toMillis();
		// The first pass waits one interval too: not while the service starts.
		this.thread.scheduleWithFixedDelay(this::passLogged, millis, millis, TimeUnit.MILLISECONDS);
		logger.info("Decision log keeps {} of decisions; retention runs every {}", this.properties.retention(),
				this.properties.retentionInterval());
	}

	@Override
	public synchronized void stop() {
		if (this.thread != null) {
			this.thread.shutdownNow();
			this.thread = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.thread != null;
	}

}
