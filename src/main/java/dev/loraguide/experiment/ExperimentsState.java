package dev.loraguide.experiment;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the service makes of the experiments file at one moment: the revision it serves,
 * the newest revision if that one was refused, and which running experiments cannot enrol
 * because a variant's guide is not serving. Immutable; a reload or a change in the
 * serving guides makes a new one.
 *
 * @param file the experiments file
 * @param revision content hash of the file revision being served; null when no file was
 * ever read
 * @param experiments the experiments of that revision
 * @param refusedRevision newest revision on disk, when it was refused; null otherwise
 * @param problems why {@code refusedRevision} was refused
 * @param suspended running experiments that enrol no one for now, with why
 * @param servingGuides the guides that were serving when this state was worked out
 * @param enrolling the running experiments that enrol actors
 */
record ExperimentsState(Path file, String revision, List<Experiment> experiments, String refusedRevision,
		List<ExperimentProblem> problems, Map<String, List<ExperimentProblem>> suspended, Set<String> servingGuides,
		List<LiveExperiment> enrolling) {

	static ExperimentsState of(Path file, String revision, List<Experiment> experiments, String refusedRevision,
			List<ExperimentProblem> problems, Set<String> servingGuides) {
		Map<String, List<ExperimentProblem>> suspended = new LinkedHashMap<>();
		for (Experiment experiment : experiments) {
			List<ExperimentProblem> missing = ExperimentsValidator.guideProblems(List.of(experiment), servingGuides);
			if (experiment.isRunning() && !missing.isEmpty()) {
				suspended.put(experiment.id(), missing);
			}
		}
		List<LiveExperiment> enrolling = experiments.stream()
			.filter((experiment) -> experiment.isRunning() && !suspended.containsKey(experiment.id()))
			.map(LiveExperiment::of)
			.toList();
		return new ExperimentsState(file, revision, List.copyOf(experiments), refusedRevision, List.copyOf(problems),
				Collections.unmodifiableMap(suspended), Set.copyOf(servingGuides), enrolling);
	}

	Experiment find(String id) {
		return this.experiments.stream().filter((experiment) -> experiment.id().equals(id)).findFirst().orElse(null);
	}

}
