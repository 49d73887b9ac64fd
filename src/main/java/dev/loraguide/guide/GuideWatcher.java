package dev.loraguide.guide;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;

/**
 * Follows the rules folder on one daemon thread. Every scan interval it hashes the
 * folder's files (see {@link FolderSnapshot}); once two scans in a row agree on new
 * content, the burst of saves has settled: it reloads the registry once and publishes
 * {@link RulesFolderChanged}. The same thread frees retired revisions.
 */
class GuideWatcher implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(GuideWatcher.class);

	private final GuideRegistry registry;

	private final ApplicationEventPublisher events;

	private final Duration interval;

	private ScheduledExecutorService thread;

	/** The content the registry last reloaded. */
	private FolderSnapshot applied;

	/** New content seen by the last scan, waiting for the next scan to agree. */
	private FolderSnapshot pending;

	private String lastFailure;

	GuideWatcher(GuideRegistry registry, ApplicationEventPublisher events, Duration interval) {
		this.registry = registry;
		this.events = events;
		this.interval = interval;
	}

	@Override
	public synchronized void start() {
		this.applied = FolderSnapshot.of(this.registry.dir());
		// The registry loaded before this snapshot was taken; an edit in between must not
		// wait for the next one.
		this.registry.reload();
		this.thread = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "guide-watcher");
			thread.setDaemon(true);
			return thread;
		});
		long millis = this.interval.toMillis();
		this.thread.scheduleWithFixedDelay(this::scan, millis, millis, TimeUnit.MILLISECONDS);
		logger.info("Watching {} for guide changes every {} ms", this.registry.dir().toAbsolutePath(), millis);
	}

	@Override
	public void stop() {
		ScheduledExecutorService running;
		synchronized (this) {
			running = this.thread;
			this.thread = null;
		}
		if (running != null) {
			running.shutdownNow();
			try {
				running.awaitTermination(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.thread != null;
	}

	/** Reloads now, whatever the scans say; what the admin endpoint calls. */
	synchronized List<GuideReload> reloadNow() {
		FolderSnapshot current = FolderSnapshot.of(this.registry.dir());
		List<GuideReload> reloads = this.registry.reload();
		announce(current);
		return reloads;
	}

	private synchronized void scan() {
		try {
			FolderSnapshot current = FolderSnapshot.of(this.registry.dir());
			if (current.equals(this.applied)) {
				this.pending = null;
			}
			else if (current.equals(this.pending)) {
				this.registry.reload();
				announce(current);
			}
			else {
				this.pending = current;
			}
			this.registry.disposeRetired();
			this.lastFailure = null;
		}
		catch (RuntimeException ex) {
			// Most often a file vanished mid-save; the next scan tries again. Said once,
			// not every scan.
			if (!String.valueOf(ex.getMessage()).equals(this.lastFailure)) {
				logger.warn("Reading the rules folder failed, retrying: {}", ex.toString());
				this.lastFailure = String.valueOf(ex.getMessage());
			}
		}
	}

	private void announce(FolderSnapshot current) {
		Set<Path> changed = current.changedSince(this.applied);
		this.applied = current;
		this.pending = null;
		if (!changed.isEmpty()) {
			this.events.publishEvent(new RulesFolderChanged(changed));
		}
	}

}
