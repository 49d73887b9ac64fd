package dev.loraguide.recommend;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One slot of a batch answer: the recommendation, or the problem that kept the request
 * from getting one.
 *
 * @param status the HTTP status the request would have got on its own
 * @param recommendation the answer, absent when refused
 * @param problem why the request was refused, absent when answered
 */
public record BatchResult(int status, @Schema(nullable = true) RecommendationResponse recommendation,
		@Schema(nullable = true) BatchProblem problem) {

	static BatchResult answered(RecommendationResponse recommendation) {
		return new BatchResult(200, recommendation, null);
	}

	static BatchResult refused(BatchProblem problem) {
		return new BatchResult(problem.status(), null, problem);
	}

}
