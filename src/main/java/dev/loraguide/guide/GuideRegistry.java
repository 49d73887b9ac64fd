package dev.loraguide.guide;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The guides the service serves. Holds one immutable map of {@link GuideState}s and replaces it
 * whole, so a reader always sees one consistent set of revisions.
 */
public class GuideRegistry {

	private static final Logger logger = LoggerFactory.getLogger(GuideRegistry.class);

	private static final Pattern GUIDE_ID = Pattern.compile("[a-z0-9][a-z0-9-]*");

	private final Path dir;

	private final String defaultGuideId;

	private final GuideLoader loader;

	private final Clock clock;

	private final AtomicReference<Map<String, GuideState>> states = new AtomicReference<>(Map.of());

	public GuideRegistry(Path dir, String defaultGuideId, GuideLoader loader, Clock clock) {
		this.dir = dir;
		this.defaultGuideId = defaultGuideId;
		this.loader = loader;
		this.clock = clock;
	}

	public Path dir() {
		return this.dir;
	}

	public String defaultGuideId() {
		return this.defaultGuideId;
	}

	/**
	 * Loads every guide folder. A folder whose newest files are refused keeps serving its last good
	 * revision; one that never loaded is skipped, loudly.
	 */
	public synchronized Map<String, GuideState> reload() {
		Map<String, GuideState> previous = this.states.get();
		Map<String, GuideState> next = new TreeMap<>();
		for (Path folder : guideFolders()) {
			GuideSource source = GuideSource.read(folder);
			GuideState before = previous.get(source.id());
			next.put(source.id(), loadIfChanged(source, before));
		}
		this.states.set(Collections.unmodifiableMap(next));
		return next;
	}

	private GuideState loadIfChanged(GuideSource source, GuideState before) {
		if (before != null && before.isServing() && before.active().revision().equals(source.revision())) {
			return GuideState.activated(before.active(), before.activatedAt());
		}
		if (before != null && source.revision().equals(before.rejectedRevision())) {
			return before;
		}
		try {
			Guide guide = this.loader.load(source);
			logger.info("Guide '{}' revision {} is live ({} presets)", guide.id(), guide.revision(),
					guide.presetTable().rows().size());
			return GuideState.activated(guide, this.clock.instant());
		}
		catch (GuideRejectedException ex) {
			logger.error("Guide '{}' revision {} refused; {}:\n  {}", source.id(), source.revision(),
					(before != null && before.isServing()) ? "still serving " + before.active().revision()
							: "not serving it",
					String.join("\n  ", ex.getProblems().stream().map(GuideProblem::toString).toList()));
			return (before != null) ? before.rejected(source.revision(), ex.getProblems())
					: GuideState.neverLoaded(source.id(), source.revision(), ex.getProblems());
		}
	}

	private List<Path> guideFolders() {
		if (!Files.isDirectory(this.dir)) {
			throw new UncheckedIOException(new IOException("guides.dir " + this.dir.toAbsolutePath() + " is not a folder"));
		}
		try (Stream<Path> entries = Files.list(this.dir)) {
			return entries.filter(Files::isDirectory)
				.filter((folder) -> GUIDE_ID.matcher(folder.getFileName().toString()).matches())
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot list guides.dir " + this.dir.toAbsolutePath(), ex);
		}
	}

	/** The serving revision of a guide; throws if it is unknown or has never loaded. */
	public Guide require(String id) {
		GuideState state = this.states.get().get(id);
		if (state == null || !state.isServing()) {
			throw new UnknownGuideException(id);
		}
		return state.active();
	}

	public Guide defaultGuide() {
		return require(this.defaultGuideId);
	}

	public Collection<GuideState> states() {
		return this.states.get().values();
	}

	public Map<String, String> servingRevisions() {
		Map<String, String> revisions = new LinkedHashMap<>();
		this.states.get().values().stream().filter(GuideState::isServing)
			.forEach((state) -> revisions.put(state.id(), state.active().revision()));
		return revisions;
	}

}
