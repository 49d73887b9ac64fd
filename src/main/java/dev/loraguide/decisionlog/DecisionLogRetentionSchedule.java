package dev.loraguide.decisionlog;

import dev.loraguide.system.PeriodicTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs the retention pass every {@code decisionlog.retention-interval}, only when a
 * retention is set: by default every decision is kept and no thread is started.
 */
@Configuration(proxyBeanMethods = false)
class DecisionLogRetentionSchedule {

	private static final Logger logger = LoggerFactory.getLogger(DecisionLogRetentionSchedule.class);

	@Bean
	@ConditionalOnProperty("decisionlog.retention")
	PeriodicTask decisionLogRetentionPass(DecisionLogRetention retention, DecisionLogProperties properties) {
		if (!retention.keepsEverything()) {
			logger.info("Decision log keeps {} of decisions; retention runs every {}", properties.retention(),
					properties.retentionInterval());
		}
		return new PeriodicTask("decision-log-retention", properties.retentionInterval(), retention::passLogged);
	}

}
