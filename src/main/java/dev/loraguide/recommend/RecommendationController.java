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

	RecommendationController(Recommender recommender) {
		this.recommender = recommender;
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

}
