package dev.loraguide.recommend;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.NoArgGenerator;
import dev.loraguide.experiment.Assignment;
import dev.loraguide.experiment.ExperimentAssigner;
import dev.loraguide.guide.fact.ActorDataset;
import dev.loraguide.guide.Evaluation;
import dev.loraguide.guide.Guide;
import dev.loraguide.guide.GuideRegistry;
import dev.loraguide.guide.fact.ParameterOverrides;
import dev.loraguide.guide.fact.Warning;

import org.springframework.stereotype.Service;

/**
 * Answers a recommendation request: picks the guide revision, evaluates it once, and
 * hands the decision to the recorder; the answer goes out once it is recorded. A request
 * that names a guide gets that guide; one that names none gets its experiment variant's
 * guide if a running experiment enrols the actor, else the default guide. The revision is
 * read once per request, so the answer and its provenance agree even while guides reload.
 */
@Service
public class Recommender {

	static final Warning NO_TRIGGER_TOKEN = new Warning("no_trigger_token",
			"No actor name was given, so there is no trigger token: set one before training.");

	private final GuideRegistry guides;

	private final ExperimentAssigner experiments;

	private final RecommendationMetrics metrics;

	private final DecisionRecorder decisions;

	private final Clock clock;

	/**
	 * Time-ordered ids (UUIDv7): the decision log's key grows with time, so a commit
	 * appends its rows at the end of the index instead of rewriting pages all over it.
	 * Each id still carries 74 random bits, none counted up within a millisecond: an
	 * export is read by its id alone, so ids must stay unguessable.
	 */
	private final NoArgGenerator ids = Generators.timeBasedEpochRandomGenerator();

	Recommender(GuideRegistry guides, ExperimentAssigner experiments, RecommendationMetrics metrics,
			DecisionRecorder decisions) {
		this.guides = guides;
		this.experiments = experiments;
		this.metrics = metrics;
		this.decisions = decisions;
		this.clock = Clock.systemUTC();
	}

	/** The answer, sent once its decision is recorded. */
	public RecommendationResponse recommend(RecommendationRequest request) {
		Decision decision = decide(request);
		Decision.awaitRecorded(List.of(decision));
		return decision.response();
	}

	/**
	 * The answer and its decision handed to the recorder, without waiting: a batch
	 * decides all of its items, then waits for them together.
	 */
	public Decision decide(RecommendationRequest request) {
		int imageCount = request.dataset().imageCount();
		Assignment assignment = (request.guide() != null) ? null
				: this.experiments.assign(request.actorId(), imageCount).orElse(null);
		Guide guide = (request.guide() != null) ? this.guides.require(request.guide())
				: (assignment != null) ? assignment.guide() : this.guides.defaultGuide();
		ActorDataset dataset = new ActorDataset(request.actorId(), request.actorName(), imageCount, Map.of());
		long started = System.nanoTime();
		Evaluation evaluation = evaluate(guide, dataset, request.overrides());
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		this.metrics.recorded(guide.id(), evaluation.presetId(), assignment, took);
		List<Warning> warnings = new ArrayList<>(evaluation.warnings());
		if (evaluation.triggerToken() == null) {
			warnings.add(NO_TRIGGER_TOKEN);
		}
		RecommendationResponse response = new RecommendationResponse(this.ids.generate(),
				new RecommendationResponse.GuideRevision(guide.id(), guide.revision()),
				(assignment != null)
						? new RecommendationResponse.ExperimentVariant(assignment.experimentId(), assignment.variant())
						: null,
				new RecommendationResponse.Preset(evaluation.presetId(), evaluation.presetLabel()),
				evaluation.parameters(), evaluation.triggerToken(), evaluation.estimatedFileSizeMb(),
				List.copyOf(warnings), evaluation.firedRules(), RecommendationSummary.of(evaluation, imageCount));
		return new Decision(response, this.decisions.record(new RecommendationMade(this.clock.instant(), request,
				response, assignment != null && assignment.forced())));
	}

	/**
	 * Evaluates, or fails the request: a recommendation with a hole in it would be turned
	 * into a training run.
	 */
	private static Evaluation evaluate(Guide guide, ActorDataset dataset, ParameterOverrides overrides) {
		Evaluation evaluation;
		try {
			evaluation = guide.evaluate(dataset, overrides);
		}
		catch (RuntimeException | StackOverflowError ex) {
			throw GuideFailedException.threw(guide, ex);
		}
		List<String> unset = new ArrayList<>();
		if (evaluation.presetId() == null) {
			unset.add("preset");
		}
		unset.addAll(evaluation.parameters().unset());
		if (!unset.isEmpty()) {
			throw GuideFailedException.incomplete(guide, dataset.getImageCount(), unset);
		}
		return evaluation;
	}

}
