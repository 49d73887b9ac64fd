package dev.loraguide.decisionlog;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How decisions travel from the request thread to the database, and how long they stay.
 *
 * @param durability whether an answer waits for its row's commit ({@code acknowledged})
 * or not ({@code async})
 * @param queueCapacity decisions that may wait to be written; in async mode what a crash
 * can lose at most
 * @param batchSize most rows written in one batch (one commit)
 * @param gatherWait how long the writer waits for more rows once it has one, before it
 * commits: fewer, larger commits, each waking more waiting requests, for at most this
 * much more latency; zero commits what is there
 * @param enqueueTimeout how long a request waits for room in a full queue before its
 * decision is refused (acknowledged: 503) or dropped (async, counted in
 * {@code lora.decisionlog.dropped})
 * @param acknowledgeTimeout acknowledged mode: how long a request waits for its row's
 * commit before answering 503; also how old a queued decision may get before readiness
 * goes down
 * @param retryAfter the {@code Retry-After} sent with that 503
 * @param outcomeWait how long posting an outcome waits for its recommendation to be
 * written
 * @param shutdownTimeout how long a clean shutdown may spend writing what is still queued
 * @param retention decisions (and their outcomes) older than this are deleted; zero keeps
 * them all
 * @param retentionInterval how often the retention pass runs
 * @param retentionBatchSize rows deleted per transaction by the retention pass
 */
@ConfigurationProperties("decisionlog")
record DecisionLogProperties(@DefaultValue("acknowledged") Durability durability,
		@DefaultValue("10000") int queueCapacity, @DefaultValue("256") int batchSize,
		@DefaultValue("1ms") Duration gatherWait, @DefaultValue("100ms") Duration enqueueTimeout,
		@DefaultValue("5s") Duration acknowledgeTimeout, @DefaultValue("5s") Duration retryAfter,
		@DefaultValue("5s") Duration outcomeWait, @DefaultValue("30s") Duration shutdownTimeout,
		@DefaultValue("0d") Duration retention, @DefaultValue("1h") Duration retentionInterval,
		@DefaultValue("1000") int retentionBatchSize) {
}
