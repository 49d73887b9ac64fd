package dev.loraguide.system;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.springframework.context.SmartLifecycle;

/**
 * A task that runs on a daemon thread of its own, one interval after the context starts
 * and then one interval after each run ends, until the context stops. The first run waits
 * too, so that no periodic work competes with the service's start; a run never overlaps
 * the next, so a slow run delays the schedule instead of piling up.
 */
public final class PeriodicTask implements SmartLifecycle {

	private final String threadName;

	private final Duration interval;

	private final Runnable task;

	private ScheduledExecutorService thread;

	public PeriodicTask(String threadName, Duration interval, Runnable task) {
		this.threadName = threadName;
		this.interval = interval;
		this.task = task;
	}

	@Override
	public synchronized void start() {
		this.thread = Executors.newSingleThreadScheduledExecutor((work) -> {
			Thread daemon = new Thread(work, this.threadName);
			daemon.setDaemon(true);
			return daemon;
		});
		long millis = this.interval.toMillis();
		this.thread.scheduleWithFixedDelay(this.task, millis, millis, TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void stop() {
		if (this.thread != null) {
			this.thread.shutdownNow();
			this.thread = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.thread != null;
	}

}
