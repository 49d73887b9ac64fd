package dev.loraguide.decisionlog;

import java.time.Instant;
import java.util.UUID;

import dev.loraguide.recommend.RecommendationMade;
import dev.loraguide.recommend.RecommendationResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * One row of the decision log: everything needed to replay a decision offline (the
 * request, the guide revision that answered, the experiment arm) and the answer itself.
 *
 * @param recommendationId the recommendation's id
 * @param madeAt when it was made
 * @param actorId the actor, null when the request named none
 * @param guideId guide that answered
 * @param guideRevision revision of that guide
 * @param experimentId experiment the actor was in, null when not enrolled
 * @param variant variant the actor was in, null when not enrolled
 * @param forcedVariant whether the experiments file forced the variant
 * @param requestJson the request as JSON
 * @param answerJson the answer as JSON
 */
record DecisionRow(UUID recommendationId, Instant madeAt, String actorId, String guideId, String guideRevision,
		String experimentId, String variant, boolean forcedVariant, String requestJson, String answerJson) {

	static DecisionRow of(RecommendationMade made, JsonMapper json) {
		RecommendationResponse answer = made.response();
		RecommendationResponse.ExperimentVariant experiment = answer.experiment();
		return new DecisionRow(answer.recommendationId(), made.madeAt(), made.request().actorId(), answer.guide().id(),
				answer.guide().revision(), (experiment != null) ? experiment.id() : null,
				(experiment != null) ? experiment.variant() : null, made.forcedVariant(),
				json.writeValueAsString(made.request()), json.writeValueAsString(answer));
	}

	Exposures.Decision exposure() {
		return new Exposures.Decision(this.experimentId, this.variant, this.actorId, this.forcedVariant);
	}

}
