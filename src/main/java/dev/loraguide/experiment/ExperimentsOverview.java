package dev.loraguide.experiment;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * {@code GET /api/v1/experiments}: the experiments file as the service serves it. The
 * salts and forced actors are internals, for admins only ({@link ExperimentInternals}):
 * whoever knows a salt can pick actors offline to skew a split.
 *
 * @param file path of the experiments file
 * @param revision content hash of the revision being served; {@code no-file} when there
 * is none
 * @param status {@code serving}, or {@code refused} when the newest revision on disk was
 * refused
 * @param refusedRevision the refused revision, null when the newest one is serving
 * @param problems why it was refused
 * @param experiments the experiments of the serving revision
 */
record ExperimentsOverview(String file, String revision, String status, @Schema(nullable = true) String refusedRevision,
		List<ExperimentProblem> problems, List<ExperimentSummary> experiments) {

	static ExperimentsOverview of(ExperimentsState state) {
		return new ExperimentsOverview(state.file().toString(), state.revision(),
				(state.refusedRevision() == null) ? "serving" : "refused", state.refusedRevision(), state.problems(),
				state.experiments().stream().map((experiment) -> ExperimentSummary.of(experiment, state)).toList());
	}

	/**
	 * One experiment.
	 *
	 * @param id experiment id
	 * @param status {@code running}, {@code stopped}, or {@code suspended} when it runs
	 * but a variant's guide is not serving
	 * @param imageCounts the image counts it claims, null when it claims every request
	 * @param variants its variants, the control first
	 * @param forcedActors how many actors the file forces into a variant
	 * @param suspendedBecause why it enrols no one, empty unless suspended
	 */
	record ExperimentSummary(String id, String status, ImageCountRange imageCounts, List<Variant> variants,
			int forcedActors, List<ExperimentProblem> suspendedBecause) {

		static ExperimentSummary of(Experiment experiment, ExperimentsState state) {
			List<ExperimentProblem> suspended = state.suspended().getOrDefault(experiment.id(), List.of());
			String status = suspended.isEmpty() ? experiment.status().toString() : "suspended";
			ImageCountRange imageCounts = experiment.imageCounts().equals(ImageCountRange.ALL) ? null
					: experiment.imageCounts();
			return new ExperimentSummary(experiment.id(), status, imageCounts, experiment.variants(),
					experiment.forced().size(), suspended);
		}

	}

}
