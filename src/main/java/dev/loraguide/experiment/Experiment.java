package dev.loraguide.experiment;

import java.util.List;
import java.util.Map;

/**
 * One experiment of the experiments file, as written there.
 *
 * @param id experiment id, unique in the file
 * @param status {@code running} enrols actors; {@code stopped} enrols no one
 * @param salt hash seed; changing it reshuffles every actor (defaults to the id)
 * @param variants the guides compared, the first being the control
 * @param imageCounts the requests this experiment claims, by image count
 * @param forced actor id to variant name, for actors who must see one variant
 */
record Experiment(String id, ExperimentStatus status, String salt, List<Variant> variants, ImageCountRange imageCounts,
		Map<String, String> forced) {

	Experiment {
		variants = List.copyOf(variants);
		forced = Map.copyOf(forced);
	}

	boolean isRunning() {
		return this.status == ExperimentStatus.RUNNING;
	}

	Variant control() {
		return this.variants.get(0);
	}

	/** Whether two running experiments could both claim one request. */
	boolean overlaps(Experiment other) {
		return this.imageCounts.overlaps(other.imageCounts);
	}

}
