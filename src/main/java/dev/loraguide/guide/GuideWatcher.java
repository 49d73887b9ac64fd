package dev.loraguide.guide;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;

/**
 * Follows the rules folder. Every scan interval one daemon thread hashes the folder's
 * files (see {@link FolderSnapshot}); once two scans in a row agree on new content, the
 * burst of saves has settled. Where the file system sends events ({@link FolderEvents}),
 * a scan is also made {@value #SETTLE_MILLIS} ms after the last event, and what it finds
 * is taken at once if no event came meanwhile: an edit is picked up within a tenth of a
 * second rather than after two scans. Each guide whose files changed is reloaded on a
 * thread of its own, so that one guide's slow check never holds another's. A guide edited
 * again while its check runs is checked again when that one ends.
 * {@link RulesFolderChanged} is published for files outside the guides at once, and for a
 * guide's files once it has reloaded. Nothing a check does can end the scans: every
 * failure is logged and the next change is picked up; if the scans stop all the same,
 * {@link #stalled()} says so.
 */
class GuideWatcher implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(GuideWatcher.class);

	/** Scans missed in a row before the watcher counts as stalled. */
	private static final int MISSED_SCANS = 20;

	private static final Duration MIN_STALL = Duration.ofSeconds(10);

	/**
	 * Quiet time after a file event before the folder counts as settled: an editor's
	 * save, a {@code cp}, a rename or a git checkout sends its events within it.
	 */
	static final long SETTLE_MILLIS = 100;

	private final GuideRegistry registry;

	private final ApplicationEventPublisher events;

	private final Duration interval;

	/** How long a check may run before it counts as stuck: past the gate's limit. */
	private final Duration stuckCheck;

	private ScheduledExecutorService thread;

	private FolderEvents fileEvents;

	/** When the last file event came; 0 before the first. */
	private volatile long lastEvent;

	private ExecutorService reloads;

	/** The content whose changes were last handed to the guides. */
	private FolderSnapshot applied;

	/** New content seen by the last scan, waiting for the next scan to agree. */
	private FolderSnapshot pending;

	/** Guides being reloaded, with the time each started. */
	private final Map<String, Long> reloading = new HashMap<>();

	/** Guides changed again while their reload ran. */
	private final Set<String> again = new HashSet<>();

	private volatile long lastScan = System.nanoTime();

	private String lastFailure;

	GuideWatcher(GuideRegistry registry, ApplicationEventPublisher events, Duration interval, Duration stuckCheck) {
		this.registry = registry;
		this.events = events;
		this.interval = interval;
		this.stuckCheck = stuckCheck;
	}

	@Override
	public synchronized void start() {
		this.applied = FolderSnapshot.of(this.registry.dir());
		// The registry loaded before this snapshot was taken; an edit in between must not
		// wait for the next one.
		this.registry.reload();
		this.reloads = Executors.newCachedThreadPool((task) -> daemon(task, "guide-reload"));
		this.thread = Executors.newSingleThreadScheduledExecutor((task) -> daemon(task, "guide-watcher"));
		this.lastScan = System.nanoTime();
		long millis = this.interval.toMillis();
		this.thread.scheduleWithFixedDelay(this::scan, millis, millis, TimeUnit.MILLISECONDS);
		this.fileEvents = FolderEvents.follow(this.registry.dir(), this::eventSeen);
		logger.info("Watching {} for guide changes every {} ms{}", this.registry.dir().toAbsolutePath(), millis,
				(this.fileEvents != null) ? " and on file events" : "");
	}

	private void eventSeen() {
		this.lastEvent = System.nanoTime();
		ScheduledExecutorService scans;
		synchronized (this) {
			scans = this.thread;
		}
		if (scans != null) {
			scans.schedule(this::settledScan, SETTLE_MILLIS, TimeUnit.MILLISECONDS);
		}
	}

	private static Thread daemon(Runnable task, String name) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		return thread;
	}

	@Override
	public void stop() {
		ScheduledExecutorService scans;
		ExecutorService running;
		FolderEvents followed;
		synchronized (this) {
			scans = this.thread;
			running = this.reloads;
			followed = this.fileEvents;
			this.thread = null;
			this.reloads = null;
			this.fileEvents = null;
		}
		if (followed != null) {
			followed.close();
		}
		if (scans != null) {
			scans.shutdownNow();
			running.shutdownNow();
			try {
				scans.awaitTermination(5, TimeUnit.SECONDS);
				running.awaitTermination(5, TimeUnit.SECONDS);
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

	/** Reloads every guide now, whatever the scans say; what the admin endpoint calls. */
	List<GuideReload> reloadNow() {
		FolderSnapshot current = FolderSnapshot.of(this.registry.dir());
		List<GuideReload> reloaded = this.registry.reload();
		Set<Path> changed;
		synchronized (this) {
			changed = current.changedSince(this.applied);
			this.applied = current;
			this.pending = null;
		}
		if (!changed.isEmpty()) {
			this.events.publishEvent(new RulesFolderChanged(changed));
		}
		return reloaded;
	}

	/**
	 * Why the watcher no longer follows the folder, if it does not: its scans stopped, or
	 * a guide's check has run well past the gate's limit.
	 */
	synchronized Optional<String> stalled() {
		if (this.thread == null) {
			return Optional.empty();
		}
		long now = System.nanoTime();
		Duration sinceScan = Duration.ofNanos(now - this.lastScan);
		Duration stallAfter = this.interval.multipliedBy(MISSED_SCANS);
		if (sinceScan.compareTo((stallAfter.compareTo(MIN_STALL) > 0) ? stallAfter : MIN_STALL) > 0) {
			return Optional.of("the guide watcher has not scanned " + this.registry.dir().toAbsolutePath() + " for "
					+ sinceScan.toSeconds() + " s (it scans every " + this.interval.toMillis()
					+ " ms): edits are not picked up");
		}
		return this.reloading.entrySet()
			.stream()
			.filter((check) -> Duration.ofNanos(now - check.getValue()).compareTo(this.stuckCheck) > 0)
			.findFirst()
			.map((check) -> "the reload of guide '" + check.getKey() + "' has run for "
					+ Duration.ofNanos(now - check.getValue()).toSeconds() + " s, past the gate's "
					+ this.stuckCheck.toSeconds() + " s: its edits are not picked up");
	}

	/** Guides being reloaded now, with how long each has run. */
	synchronized Map<String, Duration> reloading() {
		long now = System.nanoTime();
		Map<String, Duration> running = new LinkedHashMap<>();
		this.reloading.forEach((guide, since) -> running.put(guide, Duration.ofNanos(now - since)));
		return running;
	}

	private void scan() {
		scan(false);
	}

	/**
	 * A scan {@value #SETTLE_MILLIS} ms after a file event: skipped while events still
	 * come (the scan the last one scheduled follows), and what it finds counts as settled
	 * unless an event came while it read.
	 */
	private void settledScan() {
		if (System.nanoTime() - this.lastEvent >= TimeUnit.MILLISECONDS.toNanos(SETTLE_MILLIS)) {
			scan(true);
		}
	}

	private synchronized void scan(boolean afterEvents) {
		try {
			long started = System.nanoTime();
			FolderSnapshot current = FolderSnapshot.of(this.registry.dir());
			boolean settled = afterEvents && this.lastEvent - started < 0;
			if (current.equals(this.applied)) {
				this.pending = null;
			}
			else if (settled || current.equals(this.pending)) {
				dispatch(current.changedSince(this.applied));
				this.applied = current;
				this.pending = null;
			}
			else {
				this.pending = current;
			}
			this.registry.disposeRetired();
			this.lastFailure = null;
		}
		catch (Throwable ex) {
			// Most often a file vanished mid-save; the next scan tries again. Said once,
			// not every scan.
			if (!String.valueOf(ex).equals(this.lastFailure)) {
				logger.warn("Reading the rules folder failed, retrying: {}", ex.toString());
				this.lastFailure = String.valueOf(ex);
			}
		}
		finally {
			this.lastScan = System.nanoTime();
		}
	}

	/** Hands each changed guide to a reload of its own; announces the other files. */
	private void dispatch(Set<Path> changed) {
		Map<String, Set<Path>> byGuide = new HashMap<>();
		Set<Path> others = new HashSet<>();
		for (Path path : changed) {
			if (path.getNameCount() > 1) {
				byGuide.computeIfAbsent(path.getName(0).toString(), (guide) -> new HashSet<>()).add(path);
			}
			else {
				others.add(path);
			}
		}
		byGuide.forEach(this::reloadGuide);
		if (!others.isEmpty()) {
			this.events.publishEvent(new RulesFolderChanged(others));
		}
	}

	private synchronized void reloadGuide(String guide, Set<Path> changed) {
		if (this.reloads == null) {
			return;
		}
		if (this.reloading.containsKey(guide)) {
			this.again.add(guide);
			return;
		}
		this.reloading.put(guide, System.nanoTime());
		this.reloads.execute(() -> {
			try {
				this.registry.reload(guide);
				this.events.publishEvent(new RulesFolderChanged(changed));
			}
			catch (Throwable ex) {
				logger.error("Reloading guide '{}' failed; its next change is picked up", guide, ex);
			}
			finally {
				reloaded(guide, changed);
			}
		});
	}

	private synchronized void reloaded(String guide, Set<Path> changed) {
		this.reloading.remove(guide);
		if (this.again.remove(guide)) {
			reloadGuide(guide, changed);
		}
	}

}
