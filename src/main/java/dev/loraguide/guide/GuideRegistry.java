package dev.loraguide.guide;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.unit.DataSize;

/**
 * The guides the service serves. Holds one immutable map of {@link GuideState}s and
 * replaces it whole, so a reader always sees one consistent set of revisions; a request
 * that took a {@link Guide} finishes on it, and the revisions swapped out are freed once
 * no request can still use them.
 */
public class GuideRegistry implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(GuideRegistry.class);

	/** Stands for the revision of a folder that is gone, for a guide that may not go. */
	static final String REMOVED_REVISION = "removed";

	private final Path dir;

	private final String defaultGuideId;

	private final GuideLoader loader;

	private final Clock clock;

	private final RetiredRevisions retired;

	private final ReloadListener listener;

	private final DataSize maxFileSize;

	private final AtomicReference<Catalog> catalog = new AtomicReference<>(Catalog.EMPTY);

	private final GuideCurvesCache curves = new GuideCurvesCache();

	private final Map<String, GuideChange> changes = new ConcurrentHashMap<>();

	/**
	 * By guide, the revision its last swap replaced, until what the swap changed is
	 * recorded in {@link #changes}. Guarded by itself where both maps change together.
	 */
	private final Map<String, Guide> comparing = new ConcurrentHashMap<>();

	/** Revisions replaced whose comparison has not ended: not retired yet. */
	private final Set<Guide> awaitingRetirement = ConcurrentHashMap.newKeySet();

	/** One load at a time per guide; loads of different guides run side by side. */
	private final Map<String, Lock> guideLocks = new ConcurrentHashMap<>();

	private final ExecutorService checks = Executors.newCachedThreadPool((task) -> {
		Thread thread = new Thread(task, "guide-check");
		thread.setDaemon(true);
		return thread;
	});

	/** One revision's curves at a time, beside the requests. */
	private final ExecutorService curvesAhead = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "guide-curves");
		thread.setDaemon(true);
		return thread;
	});

	/**
	 * Serving revisions whose curves wait for {@link #releaseCurvesAhead()}; null once
	 * curves are worked out as revisions go live. Guarded by {@code this.curvesAhead}.
	 */
	private List<Guide> curvesHeld;

	/** The first load of every guide, started by {@link #loadInBackground()}. */
	private volatile CompletableFuture<List<GuideReload>> firstLoad;

	public GuideRegistry(Path dir, String defaultGuideId, GuideLoader loader, Clock clock, Duration retireAfter,
			ReloadListener listener) {
		this(dir, defaultGuideId, loader, clock, retireAfter, listener, GuidesProperties.Gate.defaults().maxFileSize());
	}

	GuideRegistry(Path dir, String defaultGuideId, GuideLoader loader, Clock clock, Duration retireAfter,
			ReloadListener listener, DataSize maxFileSize) {
		this.dir = dir;
		this.defaultGuideId = defaultGuideId;
		this.loader = loader;
		this.clock = clock;
		this.retired = new RetiredRevisions(retireAfter);
		this.listener = listener;
		this.maxFileSize = maxFileSize;
	}

	public Path dir() {
		return this.dir;
	}

	public String defaultGuideId() {
		return this.defaultGuideId;
	}

	/**
	 * Loads every guide folder that changed, each in a check of its own, side by side. A
	 * folder whose newest files are refused keeps serving its last good revision; one
	 * that never loaded is skipped, loudly. A revision already refused is not tried (or
	 * logged) again.
	 * @return what happened to each guide
	 */
	public List<GuideReload> reload() {
		long started = System.nanoTime();
		Set<String> ids = new TreeSet<>(this.catalog.get().states().keySet());
		GuideFolders.in(this.dir).forEach((folder) -> ids.add(folder.getFileName().toString()));
		List<Future<GuideReload>> running = ids.stream().map((id) -> this.checks.submit(() -> refresh(id))).toList();
		List<GuideReload> reloads = new ArrayList<>();
		for (Future<GuideReload> reload : running) {
			GuideReload done = await(reload);
			if (done != null) {
				reloads.add(done);
			}
		}
		return reloaded(reloads, started);
	}

	/**
	 * Starts loading every guide on the check threads and returns at once, so that the
	 * rest of the service can be set up meanwhile; {@link #awaitFirstLoad()} waits for
	 * it.
	 */
	public void loadInBackground() {
		this.firstLoad = CompletableFuture.supplyAsync(this::reload, this.checks);
	}

	/**
	 * Waits for the load {@link #loadInBackground()} started (at once if none was
	 * started) and makes sure the default guide serves.
	 * @throws DefaultGuideUnavailableException when the default guide did not load
	 */
	public void awaitFirstLoad() {
		CompletableFuture<List<GuideReload>> load = this.firstLoad;
		if (load != null) {
			try {
				load.join();
			}
			catch (CompletionException ex) {
				throw (ex.getCause() instanceof RuntimeException failure) ? failure
						: new IllegalStateException("the guides failed to load", ex.getCause());
			}
		}
		GuideState defaultGuide = this.catalog.get().states().get(this.defaultGuideId);
		if (defaultGuide == null || !defaultGuide.isServing()) {
			throw new DefaultGuideUnavailableException(this.dir, this.defaultGuideId,
					(defaultGuide != null) ? defaultGuide.problems() : List.of());
		}
	}

	/**
	 * Loads one guide folder if it changed, or drops the guide if its folder is gone.
	 * @return what happened to the guide
	 */
	public List<GuideReload> reload(String id) {
		long started = System.nanoTime();
		GuideReload reload = refresh(id);
		return reloaded((reload != null) ? List.of(reload) : List.of(), started);
	}

	private List<GuideReload> reloaded(List<GuideReload> reloads, long started) {
		this.retired.disposeIdle();
		this.listener.reloaded(List.copyOf(reloads), servingRevisions(), Duration.ofNanos(System.nanoTime() - started));
		return List.copyOf(reloads);
	}

	private static GuideReload await(Future<GuideReload> reload) {
		try {
			return reload.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while guides reload", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("a guide reload failed", ex.getCause());
		}
	}

	/** The new state of one guide, swapped into the catalog; null for a guide gone. */
	private GuideReload refresh(String id) {
		Lock lock = this.guideLocks.computeIfAbsent(id, (key) -> new ReentrantLock());
		lock.lock();
		try {
			GuideState before = this.catalog.get().states().get(id);
			Path folder = this.dir.resolve(id);
			if (!GuideFolders.isGuideId(id) || !Files.isDirectory(folder)) {
				return (before != null) ? removed(before) : null;
			}
			Loaded loaded = loadIfChanged(folder, before);
			GuideState after = loaded.state();
			if (swap(id, before, after)) {
				recordChangeAfterSwap(before.active(), after);
			}
			else if (after.isServing()) {
				workOutCurves(after.active());
			}
			return GuideReload.of(after, loaded.outcome());
		}
		finally {
			lock.unlock();
		}
	}

	/**
	 * Serves {@code after} from now on. A revision it replaces stays out of the retired
	 * ones while the change is recorded ({@link #recordChangeAfterSwap}), which may
	 * evaluate it; any other revision swapped out is retired at once.
	 * @return whether a new revision replaced a serving one
	 */
	private boolean swap(String id, GuideState before, GuideState after) {
		boolean swappedOut = before != null && before.isServing()
				&& (after == null || before.active() != after.active());
		boolean replaced = swappedOut && after != null && after.isServing();
		if (replaced) {
			synchronized (this.comparing) {
				this.comparing.put(id, before.active());
				this.changes.remove(id);
			}
		}
		this.catalog.updateAndGet((current) -> current.with(id, after));
		keepCurvesInUse();
		if (swappedOut && !replaced) {
			this.retired.retire(before.active().rules());
		}
		return replaced;
	}

	private Loaded loadIfChanged(Path folder, GuideState before) {
		String id = folder.getFileName().toString();
		Optional<OversizedFiles> oversized = OversizedFiles.in(folder, this.maxFileSize);
		if (oversized.isPresent()) {
			return refused(id, oversized.get().revision(), oversized.get().problems(), before);
		}
		GuideSource source = GuideSource.read(folder);
		if (before != null && before.isServing() && before.active().revision().equals(source.revision())) {
			return new Loaded(GuideState.activated(before.active(), before.activatedAt()),
					(before.refusedRevision() == null) ? ReloadOutcome.UNCHANGED : ReloadOutcome.ACTIVATED);
		}
		if (before != null && source.revision().equals(before.refusedRevision())) {
			return new Loaded(before, ReloadOutcome.UNCHANGED);
		}
		try {
			Guide guide = this.loader.load(source);
			logger.info("Guide '{}' revision {} is live ({} presets)", guide.id(), guide.revision(),
					guide.presetTable().rows().size());
			return new Loaded(GuideState.activated(guide, this.clock.instant()), ReloadOutcome.ACTIVATED);
		}
		catch (GuideRefusedException ex) {
			return refused(id, source.revision(), ex.getProblems(), before);
		}
		catch (RuntimeException ex) {
			// The gate passed it, yet it did not build here: refused all the same, never
			// half-served.
			logger.error("Guide '{}' revision {} failed to load after its check passed", id, source.revision(), ex);
			return refused(id, source.revision(),
					List.of(GuideProblem
						.of("loading failed after the check passed: " + ex.getMessage() + " (see the service log)")),
					before);
		}
	}

	private Loaded refused(String id, String revision, List<GuideProblem> problems, GuideState before) {
		if (before != null && revision.equals(before.refusedRevision())) {
			return new Loaded(before, ReloadOutcome.UNCHANGED);
		}
		logger.error("Guide '{}' revision {} refused; {}:\n  {}", id, revision,
				(before != null && before.isServing()) ? "still serving " + before.active().revision()
						: "not serving it",
				String.join("\n  ", problems.stream().map(GuideProblem::toString).toList()));
		GuideState state = (before != null) ? before.refused(revision, problems)
				: GuideState.neverLoaded(id, revision, problems);
		return new Loaded(state, ReloadOutcome.REFUSED);
	}

	/** The state a load left a guide in, and what the load did. */
	private record Loaded(GuideState state, ReloadOutcome outcome) {
	}

	/**
	 * Works out what a swap changed, once the new revision already serves: both revisions
	 * evaluated at every image count of the scan (the previous one's curves are mostly
	 * kept from when it went live), so the guide's details and the log say what the swap
	 * changed. On the curves thread, off the path to serving: under load it took 0.5 to 2
	 * s (bench/README.md). The revision replaced is retired only after, since the
	 * comparison may evaluate it.
	 */
	private void recordChangeAfterSwap(Guide before, GuideState after) {
		this.awaitingRetirement.add(before);
		try {
			this.curvesAhead.execute(() -> {
				try {
					if (stillServes(after.active())) {
						recordChange(before, after.active(), after.activatedAt());
					}
				}
				catch (RuntimeException ex) {
					if (!this.curvesAhead.isShutdown()) {
						logger.warn("Guide '{}' revision {}: what it changed from {} could not be worked out",
								after.id(), after.active().revision(), before.revision(), ex);
					}
				}
				finally {
					comparedOrSkipped(before);
				}
			});
		}
		catch (RejectedExecutionException ex) {
			// The registry is closing: no one will ask what changed.
			comparedOrSkipped(before);
		}
	}

	/** Whether a revision still serves: a later swap records its own change. */
	private boolean stillServes(Guide guide) {
		GuideState state = this.catalog.get().states().get(guide.id());
		return state != null && state.isServing() && state.active() == guide;
	}

	private void recordChange(Guide before, Guide after, Instant swappedAt) {
		GuideDiff diff = this.curves.diff(this.curves.curves(before), this.curves.curves(after));
		logger.info("Guide '{}' revision {} replaces {}: {}", after.id(), after.revision(), before.revision(),
				diff.identical() ? "no answer changes" : "answers change for "
						+ String.join(" | ", diff.ranges().stream().map(GuideDiff.ChangedRange::text).toList()));
		synchronized (this.comparing) {
			// Unless a swap came meanwhile.
			if (this.comparing.get(after.id()) == before) {
				this.changes.put(after.id(), new GuideChange(swappedAt, diff));
			}
		}
	}

	/** Ends a revision's comparison: its curves may go, and its rules retire. */
	private void comparedOrSkipped(Guide before) {
		this.comparing.remove(before.id(), before);
		keepCurvesInUse();
		if (this.awaitingRetirement.remove(before)) {
			this.retired.retire(before.rules());
		}
	}

	/**
	 * Works out a serving revision's curves once it is live, off the request path, so
	 * that the first guide page to show it finds them ready (a request that comes first
	 * waits for the same work rather than repeating it). A swap has already worked them
	 * out; a guide's first revision has not.
	 */
	private void workOutCurves(Guide guide) {
		synchronized (this.curvesAhead) {
			if (this.curvesHeld != null) {
				this.curvesHeld.add(guide);
				return;
			}
		}
		try {
			this.curvesAhead.execute(() -> {
				GuideState state = this.catalog.get().states().get(guide.id());
				if (state == null || state.active() != guide) {
					return;
				}
				try {
					this.curves.curves(guide);
				}
				catch (RuntimeException ex) {
					if (!this.curvesAhead.isShutdown()) {
						logger.warn("Guide '{}' revision {}: its curves could not be worked out ahead; "
								+ "a request will try again", guide.id(), guide.revision(), ex);
					}
				}
			});
		}
		catch (RejectedExecutionException ex) {
			// The registry is closing: no page will ask.
		}
	}

	/**
	 * Holds back working out the curves of revisions going live until
	 * {@link #releaseCurvesAhead()}. At start-up that work (about a second and a half of
	 * CPU, and the JIT compiling what it runs) would compete with the start for the
	 * cores; a page that asks before they are released works them out itself.
	 */
	public void holdCurvesAhead() {
		synchronized (this.curvesAhead) {
			if (this.curvesHeld == null) {
				this.curvesHeld = new ArrayList<>();
			}
		}
	}

	/**
	 * Works out the curves held back since {@link #holdCurvesAhead()}, and from now on
	 * those of each revision as it goes live.
	 */
	public void releaseCurvesAhead() {
		List<Guide> held;
		synchronized (this.curvesAhead) {
			held = (this.curvesHeld != null) ? this.curvesHeld : List.of();
			this.curvesHeld = null;
		}
		held.forEach(this::workOutCurves);
	}

	/**
	 * Forgets the curves of revisions that neither serve nor are a serving one's
	 * previous.
	 */
	private void keepCurvesInUse() {
		Map<String, GuideState> next = this.catalog.get().states();
		this.changes.keySet().retainAll(next.keySet());
		List<String> inUse = new ArrayList<>();
		next.values()
			.stream()
			.filter(GuideState::isServing)
			.forEach((state) -> inUse.add(GuideCurvesCache.key(state.id(), state.active().revision())));
		this.changes.values()
			.forEach((change) -> inUse
				.add(GuideCurvesCache.key(change.diff().before().id(), change.diff().before().revision())));
		this.comparing.values().forEach((before) -> inUse.add(GuideCurvesCache.key(before.id(), before.revision())));
		this.curves.keepOnly(inUse);
	}

	/**
	 * The serving revision of a guide evaluated at every scanned image count, worked out
	 * once per revision.
	 */
	public GuideCurves curves(String id) {
		return this.curves.curves(require(id));
	}

	/**
	 * A revision of a guide evaluated at every scanned image count: the serving one, or
	 * the one its last live swap replaced.
	 */
	public GuideCurves curves(String id, String revision) {
		Guide guide = require(id);
		GuideCurves kept = guide.revision().equals(revision) ? this.curves.curves(guide)
				: this.curves.curves(id, revision);
		if (kept == null) {
			throw new UnknownRevisionException(id, revision);
		}
		return kept;
	}

	/**
	 * What changes from the serving revision of {@code againstId} to that of {@code id}.
	 */
	public GuideDiff diff(String id, String againstId) {
		GuideCurves after = curves(id);
		return this.curves.diff(curves(againstId), after);
	}

	/**
	 * What the last live swap of a guide changed: null before its first swap, and for the
	 * moment after a swap while the change is worked out.
	 */
	public GuideChange lastChange(String id) {
		return this.changes.get(id);
	}

	/**
	 * A guide whose folder is gone goes too, except the default guide: requests that name
	 * no guide need it, so it keeps serving its last revision until its folder is back.
	 */
	private GuideReload removed(GuideState gone) {
		if (!gone.id().equals(this.defaultGuideId) || !gone.isServing()) {
			logger.info("Guide '{}' removed: its folder is gone", gone.id());
			swap(gone.id(), gone, null);
			return GuideReload.removed(gone.id());
		}
		if (REMOVED_REVISION.equals(gone.refusedRevision())) {
			return GuideReload.of(gone, ReloadOutcome.UNCHANGED);
		}
		GuideProblem problem = GuideProblem.of("the folder of the default guide is gone; revision "
				+ gone.active().revision() + " keeps serving until it is back or guides.default names another guide");
		logger.error("Guide '{}': {}", gone.id(), problem.message());
		GuideState kept = gone.refused(REMOVED_REVISION, List.of(problem));
		swap(gone.id(), gone, kept);
		return GuideReload.of(kept, ReloadOutcome.REFUSED);
	}

	/** Frees the revisions swapped out that no request can still be using. */
	public void disposeRetired() {
		this.retired.disposeIdle();
	}

	/** The serving revision of a guide; throws if it is unknown or has never loaded. */
	public Guide require(String id) {
		GuideState state = this.catalog.get().states().get(id);
		if (state == null || !state.isServing()) {
			throw new UnknownGuideException(id);
		}
		return state.active();
	}

	public Guide defaultGuide() {
		return require(this.defaultGuideId);
	}

	public Collection<GuideState> states() {
		return this.catalog.get().states().values();
	}

	public Map<String, String> servingRevisions() {
		return this.catalog.get().servingRevisions();
	}

	/** Frees every revision; the service is shutting down and takes no more requests. */
	@Override
	public synchronized void close() {
		this.checks.shutdownNow();
		this.curvesAhead.shutdownNow();
		try {
			// Curves being worked out stop at the next image count; the rules are freed
			// after.
			this.curvesAhead.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.retired.disposeAll();
		this.awaitingRetirement.forEach((before) -> before.rules().dispose());
		this.awaitingRetirement.clear();
		this.catalog.get()
			.states()
			.values()
			.stream()
			.filter(GuideState::isServing)
			.forEach((state) -> state.active().rules().dispose());
		this.catalog.set(Catalog.EMPTY);
	}

	/**
	 * One consistent view of the guides, swapped whole: their states and, worked out once
	 * per reload rather than per request, the revision each serving guide serves.
	 */
	private record Catalog(Map<String, GuideState> states, Map<String, String> servingRevisions) {

		static final Catalog EMPTY = new Catalog(Map.of(), Map.of());

		/** This catalog with one guide's state replaced, or removed when null. */
		Catalog with(String id, GuideState state) {
			Map<String, GuideState> next = new TreeMap<>(this.states);
			if (state != null) {
				next.put(id, state);
			}
			else {
				next.remove(id);
			}
			return of(next);
		}

		static Catalog of(Map<String, GuideState> states) {
			Map<String, String> serving = new LinkedHashMap<>();
			states.values()
				.stream()
				.filter(GuideState::isServing)
				.forEach((state) -> serving.put(state.id(), state.active().revision()));
			return new Catalog(Collections.unmodifiableMap(states), Collections.unmodifiableMap(serving));
		}

	}

}
