package dev.loraguide.recommend;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/recommendations")
@Tag(name = "Recommendations", description = "LoRA training parameters for an actor's dataset")
class RecommendationController {

	private final Recommender recommender;

	private final BatchRecommender batches;

	RecommendationController(Recommender recommender, BatchRecommender batches) {
		this.recommender = recommender;
		this.batches = batches;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Recommend training parameters for an actor's image set",
			description = "Evaluates the named guide (or the default one) against the dataset. Overridden "
					+ "parameters are kept as given and the derived ones (warmup, epochs) follow them.")
	@ApiResponse(responseCode = "200", description = "The recommendation")
	@ApiResponse(responseCode = "404", description = "unknown_guide: the request names a guide that is not loaded")
	RecommendationResponse recommend(@Valid @RequestBody RecommendationRequest request) {
		return this.recommender.recommend(request);
	}

	@PostMapping(path = "/batch", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Recommend for up to 1,000 requests in one body",
			description = "Each request is answered in its slot of 'results', in order, exactly as "
					+ "POST /api/v1/recommendations would answer it alone: its own recommendation id and "
					+ "decision-log row. A request with bad input (or an unknown guide) gets its own RFC 9457 "
					+ "problem in its slot, with the HTTP status it would have got alone, its code, and a JSON "
					+ "pointer to the field to fix; the others are still answered. The batch itself answers "
					+ "200 unless the body as a whole is unreadable or holds no requests or more than 1,000.")
	BatchResponse recommendBatch(@Valid @RequestBody BatchRequest batch) {
		return this.batches.recommend(batch);
	}

}
