package dev.loraguide.experiment;

import java.util.Map;

/**
 * {@code GET /api/v1/admin/experiments}: what only admins see of an experiment, because
 * it lets whoever holds it steer the split.
 *
 * @param id experiment id
 * @param salt hash seed of the assignment
 * @param forced actor id to variant name, for the actors the file forces
 */
record ExperimentInternals(String id, String salt, Map<String, String> forced) {

	static ExperimentInternals of(Experiment experiment) {
		return new ExperimentInternals(experiment.id(), experiment.salt(), experiment.forced());
	}

}
