package dev.loraguide.decisionlog;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import dev.loraguide.recommend.RecommendationMade;
import io.micrometer.core.instrument.Counter;
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
 * and writes each batch in one transaction. While the database cannot be reached it
 * retries with a growing pause, so decisions wait in the queue rather than being lost; a
 * row the database refuses is dropped alone and counted. On a clean shutdown it stops
 * after the web server (so no request is still adding decisions), writes what is left and
 * logs what it wrote and lost.
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

	private final AtomicLong written = new AtomicLong();

	private final AtomicLong lost = new AtomicLong();

	private volatile boolean stopping;

	private volatile Thread thread;

	DecisionLogWriter(DecisionQueue queue, DecisionLogRepository repository, JsonMapper json,
			DecisionLogProperties properties, MeterRegistry meters) {
		this.queue = queue;
		this.repository = repository;
		this.json = json;
		this.properties = properties;
		this.writtenCounter = Counter.builder("lora.decisionlog.written")
			.description("Decisions written to the decision log")
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
				List<RecommendationMade> batch = this.queue.take(this.properties.batchSize(), POLL);
				if (!batch.isEmpty()) {
					write(batch);
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void write(List<RecommendationMade> batch) throws InterruptedException {
		List<DecisionRow> rows = rows(batch);
		Duration pause = FIRST_RETRY;
		boolean warned = false;
		while (!rows.isEmpty()) {
			try {
				this.repository.insert(rows);
				written(rows);
				return;
			}
			catch (TransientDataAccessException | RecoverableDataAccessException | DataAccessResourceFailureException
					| CannotCreateTransactionException ex) {
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

	private List<DecisionRow> rows(List<RecommendationMade> batch) {
		List<DecisionRow> rows = new ArrayList<>(batch.size());
		for (RecommendationMade made : batch) {
			try {
				rows.add(DecisionRow.of(made, this.json));
			}
			catch (JacksonException ex) {
				logger.error("Recommendation {} cannot be written as JSON, dropped: {}",
						made.response().recommendationId(), ex.getMessage());
				lost(made.response().recommendationId());
			}
		}
		return rows;
	}

	/** What a shutdown that ran out of time leaves: counted as lost, never silently. */
	private void drainUnwritten() {
		try {
			List<RecommendationMade> rest;
			while (!(rest = this.queue.take(Integer.MAX_VALUE, Duration.ZERO)).isEmpty()) {
				rest.forEach((made) -> lost(made.response().recommendationId()));
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
	}

	private void lost(UUID id) {
		this.lost.incrementAndGet();
		this.queue.dropped(List.of(id));
	}

}
