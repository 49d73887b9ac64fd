package dev.loraguide.decisionlog;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How decisions travel from the request thread to the database.
 *
 * @param queueCapacity decisions that may wait to be written; what a crash can lose at
 * most
 * @param batchSize most rows written in one batch
 * @param enqueueTimeout how long a request waits for room in a full queue before its
 * decision is dropped (and counted in {@code lora.decisionlog.dropped})
 * @param outcomeWait how long posting an outcome waits for its recommendation to be
 * written
 * @param shutdownTimeout how long a clean shutdown may spend writing what is still queued
 */
@ConfigurationProperties("decisionlog")
record DecisionLogProperties(@DefaultValue("10000") int queueCapacity, @DefaultValue("256") int batchSize,
		@DefaultValue("100ms") Duration enqueueTimeout, @DefaultValue("5s") Duration outcomeWait,
		@DefaultValue("30s") Duration shutdownTimeout) {
}
