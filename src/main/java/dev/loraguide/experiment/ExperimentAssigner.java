package dev.loraguide.experiment;

import java.util.Optional;

import dev.loraguide.guide.GuideRegistry;
import dev.loraguide.guide.UnknownGuideException;

/**
 * Puts an actor into the running experiment that claims their request, if any. Assignment
 * is a pure function of the experiments file and the actor id, so it is the same across
 * requests, restarts and replicas without any shared state.
 */
public class ExperimentAssigner {

	private final ExperimentRegistry experiments;

	private final GuideRegistry guides;

	ExperimentAssigner(ExperimentRegistry experiments, GuideRegistry guides) {
		this.experiments = experiments;
		this.guides = guides;
	}

	/**
	 * The experiment and variant for a request that names no guide.
	 * @param actorId the actor's id; without one nobody is enrolled
	 * @param imageCount the request's image count, which experiments filter on
	 * @return the assignment, or empty when no running experiment claims the request
	 */
	public Optional<Assignment> assign(String actorId, int imageCount) {
		if (actorId == null || actorId.isBlank()) {
			return Optional.empty();
		}
		for (LiveExperiment live : this.experiments.current().enrolling()) {
			if (live.claims(imageCount)) {
				return live.choose(actorId).flatMap((choice) -> assignment(live.experiment(), choice));
			}
		}
		return Optional.empty();
	}

	private Optional<Assignment> assignment(Experiment experiment, LiveExperiment.Choice choice) {
		try {
			return Optional.of(new Assignment(experiment.id(), choice.variant().name(),
					this.guides.require(choice.variant().guide()), choice.forced()));
		}
		catch (UnknownGuideException ex) {
			// The guide went away between reading the experiments state and here; the
			// next read
			// suspends the experiment. Until then the actor is simply not enrolled.
			return Optional.empty();
		}
	}

}
