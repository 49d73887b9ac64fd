package dev.loraguide.decisionlog;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * The one thread that writes the decision log: it takes what the queue holds, in batches,
 * writes each batch in one transaction and then releases the requests waiting for it
 * (group commit: while one batch commits, the next one gathers). While the database
 * cannot be reached it retries with a growing pause, so decisions wait in the queue
 * rather than being lost, and it says so to readiness until a write or a probe succeeds
 * again; a row the database refuses is dropped alone and counted. On a clean shutdown it
 * stops after the web server (so no request is still adding decisions), writes what is
 * left and logs what it wrote and lost.
 */
@Component
class DecisionLogWriter implements SmartLifecycle {

	/**
	 * Later than the web server's graceful shutdown and stop phases, which stop taking
	 * requests first.
	 */
	static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	private static final Logger logger = LoggerFactory.getLogger(DecisionLogWriter.class);

	private static final Duration POLL = Duration.ofMillis(200);

	private static final Duration FIRST_RETRY = Duration.ofMillis(250);

	private static final Duration LONGEST_RETRY = Duration.ofSeconds(5);

	private final DecisionQueue queue;

	private final DecisionLogRepository repository;

	private final JsonMapper json;

	private final DecisionLogProperties properties;

	private final Counter writtenCounter;

	private final DistributionSummary batchSize;

	private final AtomicLong written = new AtomicLong();

	private final AtomicLong lost = new AtomicLong();

	private volatile boolean stopping;

	private volatile Failure failure;

	private volatile Thread thread;

	/**
	 * The batch in hand's requests that wait for its commit; only the writer touches it.
	 */
	private Map<UUID, CompletableFuture<Void>> waiting = new HashMap<>();

	DecisionLogWriter(DecisionQueue queue, DecisionLogRepository repository, JsonMapper json,
			DecisionLogProperties properties, MeterRegistry meters) {
		this.queue = queue;
		this.repository = repository;
		this.json = json;
		this.properties = properties;
		this.writtenCounter = Counter.builder("lora.decisionlog.written")
			.description("Decisions written to the decision log")
			.register(meters);
		this.batchSize = DistributionSummary.builder("lora.decisionlog.batch.size")
			.description("Decisions written per commit: how many requests one group commit released")
			.register(meters);
	}

	@Override
	public synchronized void start() {
		this.stopping = false;
		this.thread = new Thread(this::run, "decision-log-writer");
		this.thread.start();
	}

	@Override
	public void stop() {
		Thread writer = this.thread;
		int queued = this.queue.depth();
		this.stopping = true;
		try {
			writer.join(this.properties.shutdownTimeout().toMillis());
			if (writer.isAlive()) {
				writer.interrupt();
				writer.join();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.thread = null;
		long unwritten = this.queue.depth();
		if (unwritten > 0) {
			drainUnwritten();
		}
		String timedOut = (unwritten > 0)
				? " (" + unwritten + " could not be written within " + this.properties.shutdownTimeout() + ")" : "";
		logger.info("Decision log stopped: {} queued at shutdown; {} written and {} lost since start{}", queued,
				this.written.get(), this.lost.get(), timedOut);
	}

	/** Why the database cannot be written to now; null while it can. */
	Failure failure() {
		return this.failure;
	}

	@Override
	public boolean isRunning() {
		return this.thread != null;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	private void run() {
		try {
			while (!this.stopping || this.queue.depth() > 0) {
				List<DecisionQueue.Queued> batch = this.queue.take(this.properties.batchSize(), POLL,
						this.properties.gatherWait());
				if (!batch.isEmpty()) {
					write(batch);
				}
				else if (this.failure != null) {
					probe();
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Nothing to write, but the last write failed: finds out whether the database is back
	 * so that readiness follows it without waiting for traffic.
	 */
	private void probe() throws InterruptedException {
		try {
			this.repository.ping();
			recovered();
		}
		catch (RuntimeException ex) {
			failed(ex);
			Thread.sleep(FIRST_RETRY.toMillis());
		}
	}

	private void failed(RuntimeException ex) {
		Failure now = this.failure;
		this.failure = new Failure((now != null) ? now.since() : Instant.now(), ex.getMessage());
	}

	private void recovered() {
		if (this.failure != null) {
			logger.info("Decision log writes to the database again (failing since {})", this.failure.since());
			this.failure = null;
		}
	}

	private void write(List<DecisionQueue.Queued> batch) throws InterruptedException {
		Map<UUID, CompletableFuture<Void>> waiting = new HashMap<>();
		batch.stream()
			.filter((queued) -> queued.committed() != null)
			.forEach((queued) -> waiting.put(queued.id(), queued.committed()));
		this.waiting = waiting;
		List<DecisionRow> rows = rows(batch);
		Duration pause = FIRST_RETRY;
		boolean warned = false;
		while (!rows.isEmpty()) {
			try {
				this.repository.insert(rows);
				recovered();
				this.batchSize.record(rows.size());
				written(rows);
				return;
			}
			catch (TransientDataAccessException | RecoverableDataAccessException | DataAccessResourceFailureException
					| CannotCreateTransactionException ex) {
				failed(ex);
				if (!warned) {
					logger.warn("Decision log cannot write to the database, retrying while {} decisions wait: {}",
							rows.size() + this.queue.depth(), ex.getMessage());
					warned = true;
				}
				pause(pause, rows);
				pause = (pause.compareTo(LONGEST_RETRY) < 0) ? pause.multipliedBy(2) : LONGEST_RETRY;
			}
			catch (RuntimeException ex) {
				writeOneByOne(rows);
				return;
			}
		}
	}

	/**
	 * Interrupted only when a shutdown ran out of time: the batch in hand is then lost,
	 * and counted.
	 */
	private void pause(Duration pause, List<DecisionRow> rows) throws InterruptedException {
		try {
			Thread.sleep(pause.toMillis());
		}
		catch (InterruptedException ex) {
			rows.forEach((row) -> lost(row.recommendationId()));
			throw ex;
		}
	}

	/**
	 * Finds the rows the database refuses, so that they do not take the rest of their
	 * batch with them.
	 */
	private void writeOneByOne(List<DecisionRow> rows) {
		for (DecisionRow row : rows) {
			try {
				this.repository.insert(List.of(row));
				written(List.of(row));
			}
			catch (DuplicateKeyException ex) {
				// Written by an earlier attempt whose commit succeeded but whose answer
				// was lost.
				written(List.of(row));
			}
			catch (RuntimeException ex) {
				logger.error("Decision log refused recommendation {}, dropped: {}", row.recommendationId(),
						ex.getMessage());
				lost(row.recommendationId());
			}
		}
	}

	private List<DecisionRow> rows(List<DecisionQueue.Queued> batch) {
		List<DecisionRow> rows = new ArrayList<>(batch.size());
		for (DecisionQueue.Queued queued : batch) {
			try {
				rows.add(DecisionRow.of(queued.made(), this.json));
			}
			catch (JacksonException ex) {
				logger.error("Recommendation {} cannot be written as JSON, dropped: {}", queued.id(), ex.getMessage());
				lost(queued.id());
			}
		}
		return rows;
	}

	/** What a shutdown that ran out of time leaves: counted as lost, never silently. */
	private void drainUnwritten() {
		try {
			List<DecisionQueue.Queued> rest;
			while (!(rest = this.queue.take(Integer.MAX_VALUE, Duration.ZERO, Duration.ZERO)).isEmpty()) {
				rest.stream()
					.filter((queued) -> queued.committed() != null)
					.forEach((queued) -> this.waiting.put(queued.id(), queued.committed()));
				rest.forEach((queued) -> lost(queued.id()));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void written(List<DecisionRow> rows) {
		this.written.addAndGet(rows.size());
		this.writtenCounter.increment(rows.size());
		this.queue.written(rows.stream().map(DecisionRow::recommendationId).toList());
		rows.forEach((row) -> release(row.recommendationId(), null));
	}

	private void lost(UUID id) {
		this.lost.incrementAndGet();
		this.queue.dropped(List.of(id));
		release(id, new IllegalStateException("the database refused recommendation " + id));
	}

	/** Answers the request waiting for this decision, if one is. */
	private void release(UUID id, RuntimeException refusal) {
		CompletableFuture<Void> committed = this.waiting.remove(id);
		if (committed == null) {
			return;
		}
		if (refusal == null) {
			committed.complete(null);
		}
		else {
			committed.completeExceptionally(refusal);
		}
	}

	/**
	 * The database cannot be written to.
	 *
	 * @param since when the first write or probe failed
	 * @param reason the last error's message
	 */
	record Failure(Instant since, String reason) {
	}

}
