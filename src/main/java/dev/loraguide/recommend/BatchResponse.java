package dev.loraguide.recommend;

import java.util.List;

/**
 * The answer to a batch: one result per request, in the order of the requests.
 *
 * @param answered how many requests got a recommendation
 * @param refused how many got a problem instead
 * @param results one per request, at the request's index
 */
public record BatchResponse(int answered, int refused, List<BatchResult> results) {

	static BatchResponse of(List<BatchResult> results) {
		int answered = (int) results.stream().filter((result) -> result.recommendation() != null).count();
		return new BatchResponse(answered, results.size() - answered, results);
	}

}
