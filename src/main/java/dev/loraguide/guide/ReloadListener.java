package dev.loraguide.guide;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Told after every reload of the registry, once the new revisions serve. */
@FunctionalInterface
public interface ReloadListener {

	ReloadListener NONE = (reloads, servingRevisions, took) -> {
	};

	/**
	 * @param reloads what happened to each guide, including those removed
	 * @param servingRevisions the revision each serving guide now serves, by guide id
	 * @param took how long the reload took, from reading the folder to the swap
	 */
	void reloaded(List<GuideReload> reloads, Map<String, String> servingRevisions, Duration took);

}
