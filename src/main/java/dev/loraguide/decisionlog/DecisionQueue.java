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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import dev.loraguide.recommend.RecommendationMade;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Decisions on their way to the database. The request thread only puts the decision in a
 * bounded queue; when the queue is full it waits briefly, then drops the decision and
 * counts it ({@code lora.decisionlog.dropped}), so a slow database slows requests a
 * little but never stops them. The queue also knows which recommendation ids are not
 * written yet, so that an outcome posted right after its recommendation can wait for it
 * instead of being refused.
 */
@Component
class DecisionQueue {

	private static final Logger logger = LoggerFactory.getLogger(DecisionQueue.class);

	private static final Duration FULL_WARNING_INTERVAL = Duration.ofMinutes(1);

	private final BlockingQueue<RecommendationMade> queue;

	private final int capacity;

	private final Set<UUID> pending = ConcurrentHashMap.newKeySet();

	private final Map<UUID, Boolean> recentlyDropped;

	private final Duration enqueueTimeout;

	private final Counter dropped;

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
		this.enqueueTimeout = properties.enqueueTimeout();
		Gauge.builder("lora.decisionlog.queue.depth", this.queue, Collection::size)
			.description("Decisions waiting to be written to the decision log")
			.register(meters);
		this.dropped = Counter.builder("lora.decisionlog.dropped")
			.description("Decisions that were never written: the queue was full, or the database refused them")
			.register(meters);
	}

	@EventListener
	void onRecommendationMade(RecommendationMade made) {
		UUID id = made.response().recommendationId();
		this.pending.add(id);
		boolean queued;
		try {
			queued = this.queue.offer(made, this.enqueueTimeout.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			queued = false;
		}
		if (!queued) {
			dropped(List.of(id));
			warnFull();
		}
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
	 * Up to {@code max} decisions, waiting up to {@code wait} for the first.
	 * @return the decisions, empty if none came
	 */
	List<RecommendationMade> take(int max, Duration wait) throws InterruptedException {
		RecommendationMade first = this.queue.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
		if (first == null) {
			return List.of();
		}
		List<RecommendationMade> batch = new ArrayList<>(Math.min(max, this.queue.size() + 1));
		batch.add(first);
		this.queue.drainTo(batch, max - 1);
		return batch;
	}

	int depth() {
		return this.queue.size();
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

	/** Where a recommendation stands on its way to the database. */
	enum Fate {

		PENDING, DROPPED, SETTLED

	}

}
