package dev.loraguide.decisionlog;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The writer's gather wait: once it has a decision, it waits a little for more, so one
 * commit releases more requests.
 */
class DecisionQueueGatherTests {

	private final DecisionQueue queue = new DecisionQueue(new DecisionLogProperties(Durability.ASYNC, 100, 256,
			Duration.ZERO, Duration.ofMillis(10), Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5),
			Duration.ofSeconds(3), Duration.ZERO, Duration.ofHours(1), 100), new SimpleMeterRegistry());

	@Test
	void aDecisionThatArrivesWithinTheGatherWaitJoinsTheBatch() throws Exception {
		this.queue.record(Decisions.notEnrolled("actor-1"));
		CountDownLatch gathering = new CountDownLatch(1);
		CompletableFuture<Void> second = CompletableFuture.runAsync(() -> {
			await(gathering);
			this.queue.record(Decisions.notEnrolled("actor-2"));
		});

		// At most two: the take ends as the second comes, not when the minute is out.
		List<DecisionQueue.Queued> batch = takeWhileGathering(2, Duration.ofMinutes(1), gathering);
		second.join();

		assertThat(batch).hasSize(2);
	}

	@Test
	void withoutAGatherWaitTheBatchIsWhatTheQueueHolds() throws Exception {
		this.queue.record(Decisions.notEnrolled("actor-1"));
		this.queue.record(Decisions.notEnrolled("actor-2"));

		assertThat(this.queue.take(256, Duration.ZERO, Duration.ZERO)).hasSize(2);
		assertThat(this.queue.take(256, Duration.ZERO, Duration.ZERO)).isEmpty();
	}

	@Test
	void theGatherWaitEndsAtTheBatchSize() throws Exception {
		for (int i = 0; i < 3; i++) {
			this.queue.record(Decisions.notEnrolled("actor-" + i));
		}

		// Would wait a minute if a full batch did not end it.
		assertThat(this.queue.take(2, Duration.ZERO, Duration.ofMinutes(1))).hasSize(2);
		assertThat(this.queue.depth()).isEqualTo(1);
	}

	/**
	 * Takes a batch with the gather wait, letting the second decision come once the first
	 * is in hand.
	 */
	private List<DecisionQueue.Queued> takeWhileGathering(int max, Duration gather, CountDownLatch gathering)
			throws InterruptedException {
		CompletableFuture.runAsync(() -> {
			while (this.queue.depth() > 0) {
				Thread.onSpinWait();
			}
			gathering.countDown();
		});
		return this.queue.take(max, Duration.ofSeconds(5), gather);
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
