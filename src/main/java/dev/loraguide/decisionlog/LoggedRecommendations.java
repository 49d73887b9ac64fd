package dev.loraguide.decisionlog;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * Reads a recommendation back from the decision log. One asked for right after it was
 * made may still be on its way to the database, so the read waits for it as an outcome
 * does ({@code decisionlog.outcome-wait}).
 */
@Component
public class LoggedRecommendations {

	private final DecisionQueue queue;

	private final DecisionLogRepository repository;

	private final DecisionLogProperties properties;

	LoggedRecommendations(DecisionQueue queue, DecisionLogRepository repository, DecisionLogProperties properties) {
		this.queue = queue;
		this.repository = repository;
		this.properties = properties;
	}

	/**
	 * The logged recommendation, empty when the service never made it or could not log
	 * it.
	 * @throws DecisionLogBehindException (503) when it is still not written after the
	 * wait
	 */
	public Optional<LoggedRecommendation> find(UUID recommendationId) {
		DecisionQueue.Fate fate;
		try {
			fate = this.queue.await(recommendationId, this.properties.outcomeWait());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			fate = DecisionQueue.Fate.PENDING;
		}
		if (fate == DecisionQueue.Fate.PENDING) {
			throw new DecisionLogBehindException(recommendationId, this.properties.outcomeWait());
		}
		return this.repository.find(recommendationId);
	}

}
