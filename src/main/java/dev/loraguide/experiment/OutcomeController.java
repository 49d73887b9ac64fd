package dev.loraguide.experiment;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Experiments", description = "A/B tests between guides, declared in the experiments file")
class OutcomeController {

	private final OutcomeStore outcomes;

	OutcomeController(OutcomeStore outcomes) {
		this.outcomes = outcomes;
	}

	@PostMapping(path = "/api/v1/recommendations/{id}/outcomes", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Record how the training that followed a recommendation went",
			description = "201 when the metric is new for this recommendation, 200 when it replaces the earlier value.")
	@ApiResponse(responseCode = "200", description = "The outcome replaced the earlier value of this metric")
	@ApiResponse(responseCode = "201", description = "The outcome is the first of this metric for the recommendation",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = Outcome.class)))
	@ApiResponse(responseCode = "404", description = "unknown_recommendation: no recommendation of that id was made")
	@ApiResponse(responseCode = "409",
			description = "decision_not_recorded: the decision log dropped the recommendation")
	@ApiResponse(responseCode = "503",
			description = "decision_log_behind: the recommendation is not written yet; retry")
	ResponseEntity<Outcome> record(@PathVariable String id, @Valid @RequestBody OutcomeRequest request) {
		if (!Double.isFinite(request.value())) {
			throw new InvalidOutcomeException("value", "must be a finite number");
		}
		UUID recommendationId = parse(id);
		Outcome outcome = new Outcome(recommendationId, request.metric(), request.value());
		return switch (this.outcomes.record(recommendationId, request.metric(), request.value())) {
			case CREATED -> ResponseEntity.status(HttpStatus.CREATED).body(outcome);
			case REPLACED -> ResponseEntity.ok(outcome);
			case UNKNOWN_RECOMMENDATION -> throw new UnknownRecommendationException(id);
			case NOT_RECORDED -> throw new DecisionNotRecordedException(recommendationId);
		};
	}

	/**
	 * The service only issues UUIDs, so anything else names no recommendation of ours.
	 */
	private static UUID parse(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			throw new UnknownRecommendationException(id);
		}
	}

}
