package dev.loraguide.guide;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

	private final AtomicReference<Catalog> catalog = new AtomicReference<>(Catalog.EMPTY);

	public GuideRegistry(Path dir, String defaultGuideId, GuideLoader loader, Clock clock, Duration retireAfter,
			ReloadListener listener) {
		this.dir = dir;
		this.defaultGuideId = defaultGuideId;
		this.loader = loader;
		this.clock = clock;
		this.retired = new RetiredRevisions(retireAfter);
		this.listener = listener;
	}

	public Path dir() {
		return this.dir;
	}

	public String defaultGuideId() {
		return this.defaultGuideId;
	}

	/**
	 * Loads every guide folder that changed. A folder whose newest files are refused
	 * keeps serving its last good revision; one that never loaded is skipped, loudly. A
	 * revision already refused is not tried (or logged) again.
	 * @return what happened to each guide
	 */
	public synchronized List<GuideReload> reload() {
		long started = System.nanoTime();
		Map<String, GuideState> previous = this.catalog.get().states();
		Map<String, GuideState> next = new TreeMap<>();
		List<GuideReload> reloads = new ArrayList<>();
		for (Path folder : GuideFolders.in(this.dir)) {
			GuideSource source = GuideSource.read(folder);
			ReloadOutcome outcome = loadIfChanged(source, previous.get(source.id()), next);
			reloads.add(GuideReload.of(next.get(source.id()), outcome));
		}
		previous.values()
			.stream()
			.filter((gone) -> !next.containsKey(gone.id()))
			.forEach((gone) -> reloads.add(removed(gone, next)));
		this.catalog.set(Catalog.of(next));
		retireSwappedOut(previous, next);
		this.retired.disposeIdle();
		this.listener.reloaded(List.copyOf(reloads), servingRevisions(), Duration.ofNanos(System.nanoTime() - started));
		return List.copyOf(reloads);
	}

	private ReloadOutcome loadIfChanged(GuideSource source, GuideState before, Map<String, GuideState> next) {
		if (before != null && before.isServing() && before.active().revision().equals(source.revision())) {
			next.put(source.id(), GuideState.activated(before.active(), before.activatedAt()));
			return (before.refusedRevision() == null) ? ReloadOutcome.UNCHANGED : ReloadOutcome.ACTIVATED;
		}
		if (before != null && source.revision().equals(before.refusedRevision())) {
			next.put(source.id(), before);
			return ReloadOutcome.UNCHANGED;
		}
		try {
			Guide guide = this.loader.load(source);
			logger.info("Guide '{}' revision {} is live ({} presets)", guide.id(), guide.revision(),
					guide.presetTable().rows().size());
			next.put(source.id(), GuideState.activated(guide, this.clock.instant()));
			return ReloadOutcome.ACTIVATED;
		}
		catch (GuideRefusedException ex) {
			logger.error("Guide '{}' revision {} refused; {}:\n  {}", source.id(), source.revision(),
					(before != null && before.isServing()) ? "still serving " + before.active().revision()
							: "not serving it",
					String.join("\n  ", ex.getProblems().stream().map(GuideProblem::toString).toList()));
			next.put(source.id(), (before != null) ? before.refused(source.revision(), ex.getProblems())
					: GuideState.neverLoaded(source.id(), source.revision(), ex.getProblems()));
			return ReloadOutcome.REFUSED;
		}
	}

	/**
	 * A guide whose folder is gone goes too, except the default guide: requests that name
	 * no guide need it, so it keeps serving its last revision until its folder is back.
	 */
	private GuideReload removed(GuideState gone, Map<String, GuideState> next) {
		if (!gone.id().equals(this.defaultGuideId) || !gone.isServing()) {
			logger.info("Guide '{}' removed: its folder is gone", gone.id());
			return GuideReload.removed(gone.id());
		}
		if (REMOVED_REVISION.equals(gone.refusedRevision())) {
			next.put(gone.id(), gone);
			return GuideReload.of(gone, ReloadOutcome.UNCHANGED);
		}
		GuideProblem problem = GuideProblem.of("the folder of the default guide is gone; revision "
				+ gone.active().revision() + " keeps serving until it is back or guides.default names another guide");
		logger.error("Guide '{}': {}", gone.id(), problem.message());
		GuideState kept = gone.refused(REMOVED_REVISION, List.of(problem));
		next.put(gone.id(), kept);
		return GuideReload.of(kept, ReloadOutcome.REFUSED);
	}

	private void retireSwappedOut(Map<String, GuideState> previous, Map<String, GuideState> next) {
		Set<Guide> stillServing = Collections.newSetFromMap(new IdentityHashMap<>());
		next.values().stream().filter(GuideState::isServing).forEach((state) -> stillServing.add(state.active()));
		previous.values()
			.stream()
			.filter(GuideState::isServing)
			.map(GuideState::active)
			.filter((guide) -> !stillServing.contains(guide))
			.forEach((guide) -> this.retired.retire(guide.rules()));
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
		this.retired.disposeAll();
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
