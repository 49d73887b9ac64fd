package dev.loraguide.guide;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Curves and diffs worked out once per revision rather than once per request: a page load
 * or a diff asks for what the cache already holds. Keeps only the revisions still of use
 * (serving, or the previous revision of a guide) after each reload.
 */
final class GuideCurvesCache {

	private static final Logger logger = LoggerFactory.getLogger(GuideCurvesCache.class);

	private final Map<String, GuideCurves> curves = new ConcurrentHashMap<>();

	private final Map<String, GuideDiff> diffs = new ConcurrentHashMap<>();

	GuideCurves curves(Guide guide) {
		return this.curves.computeIfAbsent(key(guide.id(), guide.revision()), (key) -> {
			long started = System.nanoTime();
			GuideCurves worked = GuideCurves.of(guide);
			logger.info("Guide '{}' revision {}: curves worked out at {} image counts in {} ms", guide.id(),
					guide.revision(), worked.points().size(), (System.nanoTime() - started) / 1_000_000);
			return worked;
		});
	}

	/** Curves of a revision that may no longer serve, if they are still kept. */
	GuideCurves curves(String id, String revision) {
		return this.curves.get(key(id, revision));
	}

	GuideDiff diff(GuideCurves before, GuideCurves after) {
		return this.diffs.computeIfAbsent(key(before.id(), before.revision()) + ">" + key(after.id(), after.revision()),
				(key) -> GuideDiff.between(before, after));
	}

	/** Forgets every revision but those given, as {@code id@revision} keys. */
	void keepOnly(Collection<String> keys) {
		Set<String> kept = new HashSet<>(keys);
		this.curves.keySet().retainAll(kept);
		this.diffs.keySet().removeIf((key) -> !kept.containsAll(Set.of(key.split(">"))));
	}

	static String key(String id, String revision) {
		return id + "@" + revision;
	}

}
