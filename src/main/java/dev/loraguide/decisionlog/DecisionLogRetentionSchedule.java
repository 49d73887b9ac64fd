package dev.loraguide.decisionlog;

import dev.loraguide.system.PeriodicTask;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Runs the retention pass every {@code decisionlog.retention-interval}, only when a
 * retention is set: by default every decision is kept and no thread is started.
 */
@Configuration(proxyBeanMethods = false)
class DecisionLogRetentionSchedule {

	private static final Logger logger = LoggerFactory.getLogger(DecisionLogRetentionSchedule.class);

	@Bean
	@Conditional(RetentionIsSet.class)
	PeriodicTask decisionLogRetentionPass(DecisionLogRetention retention, DecisionLogProperties properties) {
		logger.info("Decision log keeps {} of decisions; retention runs every {}", properties.retention(),
				properties.retentionInterval());
		return new PeriodicTask("decision-log-retention", properties.retentionInterval(), retention::passLogged);
	}

	/** {@code decisionlog.retention} is set to more than zero, which keeps everything. */
	static class RetentionIsSet implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return Binder.get(context.getEnvironment())
				.bind("decisionlog.retention", Duration.class)
				.map((retention) -> !retention.isZero())
				.orElse(false);
		}

	}

}
