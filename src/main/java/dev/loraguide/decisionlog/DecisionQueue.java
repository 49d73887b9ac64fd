package dev.loraguide.decisionlog;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import dev.loraguide.recommend.DecisionRecorder;
import dev.loraguide.recommend.RecommendationMade;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Decisions on their way to the database. The request thread puts the decision in a
 * bounded queue and gets a completion that the writer completes when the decision's batch
 * commits. In acknowledged mode the answer waits for it, at most
 * {@code acknowledge-timeout}: past that, or when the queue stays full, the caller gets a
 * 503 and the decision leaves the queue if the writer has not taken it yet. In async mode
 * the completion is already complete, and a decision that finds the queue full is dropped
 * and counted ({@code lora.decisionlog.dropped}). The queue also knows which
 * recommendation ids are not written yet, so that an outcome posted right after its
 * recommendation can wait for it instead of being refused.
 */
@Component
class DecisionQueue implements DecisionRecorder {

	private static final Logger logger = LoggerFactory.getLogger(DecisionQueue.class);

	private static final Duration FULL_WARNING_INTERVAL = Duration.ofMinutes(1);

	private final BlockingQueue<Queued> queue;

	private final int capacity;

	private final Set<UUID> pending = ConcurrentHashMap.newKeySet();

	private final Map<UUID, Boolean> recentlyDropped;

	private final DecisionLogProperties properties;

	private final Counter dropped;

	private final Counter refused;

	private final AtomicLong nextFullWarning = new AtomicLong();

	DecisionQueue(DecisionLogProperties properties, MeterRegistry meters) {
		this.queue = new ArrayBlockingQueue<>(properties.queueCapacity());
		this.capacity = properties.queueCapacity();
		this.recentlyDropped = Collections.synchronizedMap(new LinkedHashMap<>() {
			@Override
			protected boolean removeEldestEntry(Map.Entry<UUID, Boolean> eldest) {
				return size() > properties.queueCapacity();
			}
		});
		this.properties = properties;
		Gauge.builder("lora.decisionlog.queue.depth", this.queue, Collection::size)
			.description("Decisions waiting to be written to the decision log")
			.register(meters);
		this.dropped = Counter.builder("lora.decisionlog.dropped")
			.description("Decisions that were never written: the queue was full, or the database refused them")
			.register(meters);
		this.refused = Counter.builder("lora.decisionlog.refused")
			.description("Acknowledged mode: recommendations answered 503 because their decision was not "
					+ "committed in time")
			.register(meters);
	}

	@Override
	public CompletableFuture<Void> record(RecommendationMade made) {
		UUID id = made.response().recommendationId();
		this.pending.add(id);
		boolean acknowledged = this.properties.durability() == Durability.ACKNOWLEDGED;
		Queued queued = new Queued(made, acknowledged ? new CompletableFuture<>() : null, System.nanoTime());
		if (!offer(queued)) {
			warnFull();
			if (acknowledged) {
				settle(List.of(id));
				return refuse("the queue is full");
			}
			dropped(List.of(id));
		}
		if (!acknowledged) {
			return CompletableFuture.completedFuture(null);
		}
		return queued.committed()
			.orTimeout(this.properties.acknowledgeTimeout().toNanos(), TimeUnit.NANOSECONDS)
			.exceptionallyCompose((ex) -> {
				if (ex instanceof TimeoutException && this.queue.remove(queued)) {
					settle(List.of(id));
				}
				return refuse((ex instanceof TimeoutException)
						? "not committed within " + this.properties.acknowledgeTimeout() : ex.getMessage());
			});
	}

	private boolean offer(Queued queued) {
		try {
			return this.queue.offer(queued, this.properties.enqueueTimeout().toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private CompletableFuture<Void> refuse(String why) {
		this.refused.increment();
		return CompletableFuture.failedFuture(new DecisionLogUnavailableException(why, this.properties.retryAfter()));
	}

	/**
	 * One warning a minute at most: a full queue means the database is down or slow, for
	 * a while.
	 */
	private void warnFull() {
		long now = System.nanoTime();
		long next = this.nextFullWarning.get();
		if (now - next >= 0 && this.nextFullWarning.compareAndSet(next, now + FULL_WARNING_INTERVAL.toNanos())) {
			logger.warn("Decision log queue is full (capacity {}): dropping decisions; {} dropped since start",
					this.capacity, (long) this.dropped.count());
		}
	}

	/**
	 * Up to {@code max} decisions, waiting up to {@code wait} for the first, then up to
	 * {@code gather} for more as long as they keep coming: one commit then releases more
	 * requests.
	 * @return the decisions, empty if none came
	 */
	List<Queued> take(int max, Duration wait, Duration gather) throws InterruptedException {
		Queued first = this.queue.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
		if (first == null) {
			return List.of();
		}
		List<Queued> batch = new ArrayList<>(Math.min(max, this.queue.size() + 1));
		batch.add(first);
		this.queue.drainTo(batch, max - 1);
		long deadline = System.nanoTime() + gather.toNanos();
		long left;
		while (batch.size() < max && (left = deadline - System.nanoTime()) > 0) {
			Queued next = this.queue.poll(left, TimeUnit.NANOSECONDS);
			if (next == null) {
				break;
			}
			batch.add(next);
			this.queue.drainTo(batch, max - batch.size());
		}
		return batch;
	}

	int depth() {
		return this.queue.size();
	}

	/** How long the oldest decision still in the queue has waited; zero when empty. */
	Duration oldestWait() {
		Queued oldest = this.queue.peek();
		return (oldest != null) ? Duration.ofNanos(System.nanoTime() - oldest.queuedAt()) : Duration.ZERO;
	}

	void written(Collection<UUID> ids) {
		settle(ids);
	}

	void dropped(Collection<UUID> ids) {
		ids.forEach((id) -> this.recentlyDropped.put(id, Boolean.TRUE));
		this.dropped.increment(ids.size());
		settle(ids);
	}

	/**
	 * Waits until a recommendation is no longer on its way to the database.
	 * @return whether it was dropped, is still pending after {@code timeout}, or is
	 * settled (written, or never made here)
	 */
	Fate await(UUID id, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		synchronized (this) {
			while (this.pending.contains(id)) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					return Fate.PENDING;
				}
				TimeUnit.NANOSECONDS.timedWait(this, left);
			}
		}
		return this.recentlyDropped.containsKey(id) ? Fate.DROPPED : Fate.SETTLED;
	}

	private void settle(Collection<UUID> ids) {
		this.pending.removeAll(ids);
		synchronized (this) {
			notifyAll();
		}
	}

	/**
	 * A decision in the queue.
	 *
	 * @param made the decision
	 * @param committed completed by the writer when its batch commits (exceptionally when
	 * the database refuses it); null in async mode, where nobody waits
	 * @param queuedAt {@link System#nanoTime()} when it was queued
	 */
	record Queued(RecommendationMade made, CompletableFuture<Void> committed, long queuedAt) {

		UUID id() {
			return this.made.response().recommendationId();
		}

	}

	/** Where a recommendation stands on its way to the database. */
	enum Fate {

		PENDING, DROPPED, SETTLED

	}

}
