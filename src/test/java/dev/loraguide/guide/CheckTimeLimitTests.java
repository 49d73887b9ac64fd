package dev.loraguide.guide;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A check is stopped for what its rules use, not for what a busy machine withholds: the
 * time limit counts the check process's CPU time, and only five times the limit in
 * wall-clock time stops a check that got little of it.
 */
class CheckTimeLimitTests {

	private final CheckTimeLimit limit = CheckTimeLimit.of(Duration.ofSeconds(60));

	@Test
	void soundCheckStarvedOfCpuOnABusyMachineIsNotStoppedPastTheLimitInWallClockTime() {
		assertThat(this.limit.reached(Duration.ofSeconds(12), Duration.ofSeconds(75))).isFalse();
	}

	@Test
	void checkThatHasUsedTheLimitInCpuTimeIsStopped() {
		assertThat(this.limit.reached(Duration.ofSeconds(60), Duration.ofSeconds(61))).isTrue();
	}

	@Test
	void checkThatWaitsIsStoppedAtFiveTimesTheLimitInWallClockTime() {
		assertThat(this.limit.reached(Duration.ofSeconds(1), Duration.ofSeconds(299))).isFalse();
		assertThat(this.limit.reached(Duration.ofSeconds(1), Duration.ofSeconds(300))).isTrue();
	}

	@Test
	void reasonNamesBothBoundsAndTheSetting() {
		assertThat(this.limit.describe())
			.isEqualTo("60 s of CPU time or 300 s of wall-clock time (guides.gate.time-limit)");
		assertThat(CheckTimeLimit.used(Duration.ofMillis(12340), Duration.ofMillis(300049)))
			.isEqualTo("12.3 s of CPU in 300 s");
	}

}
