package dev.loraguide.security;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slows credential guessing and keeps a record of it. Each address may fail a limited
 * number of times a minute (a token bucket per address); once its allowance is spent, its
 * requests with a credential are answered 429 without being checked until the allowance
 * refills, so a guesser gets a handful of tries a minute instead of thousands a second,
 * and no request thread is held up by sleeping. Every failure is counted in
 * {@code lora.authentication.failures}; the log gets at most a few lines a minute, each
 * saying how many were left out since the last.
 */
class FailedAuthentications {

	static final String FAILURES = "lora.authentication.failures";

	private static final Logger logger = LoggerFactory.getLogger(FailedAuthentications.class);

	private static final Duration PERIOD = Duration.ofMinutes(1);

	private static final int LOG_LINES_PER_MINUTE = 6;

	private final int limit;

	private final Cache<String, Bucket> byAddress = Caffeine.newBuilder()
		.expireAfterAccess(2, TimeUnit.MINUTES)
		.maximumSize(100_000)
		.build();

	private final Bucket logLines = Bucket.builder()
		.addLimit(Bandwidth.builder().capacity(LOG_LINES_PER_MINUTE).refillGreedy(LOG_LINES_PER_MINUTE, PERIOD).build())
		.build();

	private final AtomicLong unlogged = new AtomicLong();

	private final MeterRegistry meters;

	FailedAuthentications(int limitPerMinute, MeterRegistry meters) {
		this.limit = limitPerMinute;
		this.meters = meters;
	}

	/**
	 * How long the address must wait before its credential is checked again; zero when it
	 * may try now.
	 */
	Duration waitBefore(String address) {
		Bucket bucket = this.byAddress.getIfPresent(address);
		if (bucket == null || bucket.getAvailableTokens() > 0) {
			return Duration.ZERO;
		}
		return Duration.ofNanos(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill());
	}

	/** Counts a failure against the address, and logs it unless the log is saturated. */
	void failed(String address, String where, String reason) {
		Bucket bucket = this.byAddress.get(address,
				(key) -> Bucket.builder()
					.addLimit(Bandwidth.builder().capacity(this.limit).refillGreedy(this.limit, PERIOD).build())
					.build());
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		Counter.builder(FAILURES)
			.description("Requests whose credential was refused, or not checked because the address failed too often")
			.tag("reason", reason)
			.register(this.meters)
			.increment();
		if (this.logLines.tryConsume(1)) {
			long skipped = this.unlogged.getAndSet(0);
			logger.warn("Failed authentication from {} on {}: {}{}{}", address, where, reason.replace('_', ' '),
					probe.isConsumed() ? "" : "; this address is refused until its allowance refills",
					(skipped > 0) ? " (" + skipped + " more since the last line)" : "");
		}
		else {
			this.unlogged.incrementAndGet();
		}
	}

}
