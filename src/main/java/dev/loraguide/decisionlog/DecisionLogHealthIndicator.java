package dev.loraguide.decisionlog;

import java.time.Duration;
import java.util.Locale;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * The {@code decisionLog} health component, part of readiness: down while the writer
 * cannot reach the database, or while the oldest queued decision has waited longer than
 * {@code acknowledge-timeout} (the database is too slow: acknowledged requests would get
 * 503). It comes back up by itself once a write or the writer's probe succeeds.
 */
@Component("decisionLog")
class DecisionLogHealthIndicator extends AbstractHealthIndicator {

	private final DecisionQueue queue;

	private final DecisionLogWriter writer;

	private final DecisionLogProperties properties;

	DecisionLogHealthIndicator(DecisionQueue queue, DecisionLogWriter writer, DecisionLogProperties properties) {
		this.queue = queue;
		this.writer = writer;
		this.properties = properties;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Duration oldestWait = this.queue.oldestWait();
		DecisionLogWriter.Failure failure = this.writer.failure();
		builder.withDetail("durability", this.properties.durability().name().toLowerCase(Locale.ROOT))
			.withDetail("queued", this.queue.depth())
			.withDetail("oldestWaitMs", oldestWait.toMillis());
		if (failure != null) {
			builder.down().withDetail("failingSince", failure.since().toString()).withDetail("error", failure.reason());
		}
		else if (oldestWait.compareTo(this.properties.acknowledgeTimeout()) > 0) {
			builder.down()
				.withDetail("error",
						"the database is too slow: decisions wait longer than " + this.properties.acknowledgeTimeout());
		}
		else {
			builder.up();
		}
	}

}
