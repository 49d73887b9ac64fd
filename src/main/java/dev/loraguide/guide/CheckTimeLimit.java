package dev.loraguide.guide;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;

/**
 * When a check has run long enough to be stopped ({@code guides.gate.time-limit}): once
 * its process has used the limit in CPU time, which a rule that loops does at the pace of
 * a core, or five times the limit in wall-clock time, which bounds a rule that waits and
 * a machine too busy to run the check at all. CPU time first, so that a busy machine that
 * gives a sound guide's check a fraction of a core does not refuse it: on a 2-core
 * machine shared by builds, the shipped guide's check (about 12 s of CPU) once took over
 * 60 s, and at load 18 got 6 s of CPU in 90 s.
 *
 * @param cpu CPU time the check process may use, all its threads together
 * @param wallClock wall-clock time the check may take whatever CPU time it got
 */
record CheckTimeLimit(Duration cpu, Duration wallClock) {

	static final int WALL_CLOCK_FACTOR = 5;

	static CheckTimeLimit of(Duration timeLimit) {
		return new CheckTimeLimit(timeLimit, timeLimit.multipliedBy(WALL_CLOCK_FACTOR));
	}

	/** Whether a check that has used this CPU time in this wall-clock time must stop. */
	boolean reached(Duration cpuUsed, Duration elapsed) {
		return cpuUsed.compareTo(this.cpu) >= 0 || elapsed.compareTo(this.wallClock) >= 0;
	}

	/** The limit as a reason says it, with the setting to change. */
	String describe() {
		return seconds(this.cpu) + " s of CPU time or " + seconds(this.wallClock)
				+ " s of wall-clock time (guides.gate.time-limit)";
	}

	/** What a stopped check had used: "12.3 s of CPU in 300.2 s". */
	static String used(Duration cpuUsed, Duration elapsed) {
		return seconds(cpuUsed) + " s of CPU in " + seconds(elapsed) + " s";
	}

	private static String seconds(Duration duration) {
		return BigDecimal.valueOf(duration.toMillis())
			.movePointLeft(3)
			.setScale(1, RoundingMode.HALF_UP)
			.stripTrailingZeros()
			.toPlainString();
	}

}
