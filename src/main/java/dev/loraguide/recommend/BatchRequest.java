package dev.loraguide.recommend;

import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/recommendations/batch}: up to {@value #MAX_REQUESTS} recommendation
 * requests in one body. The items stay JSON trees until each is read on its own, so that
 * one bad item is refused in its slot instead of failing the body.
 *
 * @param requests the requests, each shaped like the body of
 * {@code POST /api/v1/recommendations}
 */
public record BatchRequest(@NotNull(message = "must hold from 1 to " + MAX_REQUESTS + " requests") @Size(min = 1,
		max = MAX_REQUESTS, message = "must hold from 1 to " + MAX_REQUESTS + " requests") @ArraySchema(
				schema = @Schema(implementation = RecommendationRequest.class), minItems = 1,
				maxItems = MAX_REQUESTS) List<JsonNode> requests) {

	/** The most requests one batch may hold. */
	public static final int MAX_REQUESTS = 1000;

}
