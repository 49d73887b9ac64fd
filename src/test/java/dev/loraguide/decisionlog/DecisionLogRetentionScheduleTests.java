package dev.loraguide.decisionlog;

import dev.loraguide.system.PeriodicTask;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

class DecisionLogRetentionScheduleTests {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(DecisionLogRetentionSchedule.class, BoundProperties.class)
		.withBean(DecisionLogRetention.class, () -> mock(DecisionLogRetention.class));

	@EnableConfigurationProperties(DecisionLogProperties.class)
	static class BoundProperties {

	}

	@Test
	void noRetentionSetStartsNoTask() {
		this.context.run((started) -> assertThat(started).doesNotHaveBean(PeriodicTask.class));
	}

	@Test
	void aRetentionOfZeroKeepsEverythingAndStartsNoTask() {
		this.context.withPropertyValues("decisionlog.retention=0d")
			.run((started) -> assertThat(started).doesNotHaveBean(PeriodicTask.class));
	}

	@Test
	void aRetentionOfSomeDaysSchedulesThePass() {
		this.context.withPropertyValues("decisionlog.retention=30d")
			.run((started) -> assertThat(started).hasSingleBean(PeriodicTask.class));
	}

}
