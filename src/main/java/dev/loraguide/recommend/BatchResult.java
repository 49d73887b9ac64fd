package dev.loraguide.recommend;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One slot of a batch answer: the recommendation, or the problem that kept the request
 * from getting one.
 *
 * @param status the HTTP status the request would have got on its own
 * @param recommendation the answer, absent when refused
 * @param problem why the request was refused, absent when answered
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BatchResult(int status, RecommendationResponse recommendation, BatchProblem problem) {

	static BatchResult answered(RecommendationResponse recommendation) {
		return new BatchResult(200, recommendation, null);
	}

	static BatchResult refused(BatchProblem problem) {
		return new BatchResult(problem.status(), null, problem);
	}

}
