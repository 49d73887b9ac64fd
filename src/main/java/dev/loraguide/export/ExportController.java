package dev.loraguide.export;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.loraguide.decisionlog.LoggedRecommendation;
import dev.loraguide.decisionlog.LoggedRecommendations;
import dev.loraguide.experiment.UnknownRecommendationException;
import dev.loraguide.guide.fact.TrainingParameters;
import dev.loraguide.recommend.RecommendationRequest;
import dev.loraguide.recommend.RecommendationResponse;
import dev.loraguide.recommend.Recommender;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Export", description = "A recommendation as the trainer's own config files")
class ExportController {

	private static final String FORMAT = "format";

	private final LoggedRecommendations logged;

	private final Recommender recommender;

	private final JsonMapper json;

	private final Exporter exporter = new Exporter();

	ExportController(LoggedRecommendations logged, Recommender recommender, JsonMapper json) {
		this.logged = logged;
		this.recommender = recommender;
		this.json = json;
	}

	@GetMapping(path = "/api/v1/recommendations/{id}/export",
			produces = { MediaType.APPLICATION_JSON_VALUE, ExportZip.MEDIA_TYPE })
	@Operation(summary = "Export a logged recommendation as a trainer's config files",
			description = "Reads the recommendation back from the decision log (waiting for it briefly if it was "
					+ "just made) and writes it for the trainer: JSON with the files, or a zip of them "
					+ "(Accept: application/zip).",
			parameters = { @Parameter(name = FORMAT, in = ParameterIn.QUERY, required = true,
					description = "the trainer: " + TrainerFormat.IDS,
					schema = @Schema(type = "string", allowableValues = { "kohya", "ai-toolkit", "fluxgym" })) })
	@ApiResponse(responseCode = "200", description = "the export",
			content = {
					@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							schema = @Schema(implementation = TrainerExport.class)),
					@Content(mediaType = ExportZip.MEDIA_TYPE, schema = @Schema(type = "string", format = "binary")) })
	@ApiResponse(responseCode = "4XX", description = "unknown format, unknown option or bad option value (field)",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
	@ApiResponse(responseCode = "404", description = "no recommendation with this id was logged",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
	@ApiResponse(responseCode = "503", description = "the recommendation is not written to the decision log yet",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
	ResponseEntity<?> exportLogged(@PathVariable String id,
			@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> query,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
		ExportRequest request = ExportRequest.of(query);
		UUID recommendationId = parse(id);
		LoggedRecommendation recommendation = this.logged.find(recommendationId)
			.orElseThrow(() -> new UnknownRecommendationException(id));
		return answer(this.exporter.export(source(recommendation), request.format(), request.options()), accept);
	}

	@PostMapping(path = "/api/v1/recommendations/export", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = { MediaType.APPLICATION_JSON_VALUE, ExportZip.MEDIA_TYPE })
	@Operation(summary = "Make a recommendation and export it as a trainer's config files",
			description = "Takes the body of POST /api/v1/recommendations, makes (and logs) the recommendation, "
					+ "and writes it for the trainer: JSON with the files, or a zip of them (Accept: application/zip).",
			parameters = { @Parameter(name = FORMAT, in = ParameterIn.QUERY, required = true,
					description = "the trainer: " + TrainerFormat.IDS,
					schema = @Schema(type = "string", allowableValues = { "kohya", "ai-toolkit", "fluxgym" })) })
	@ApiResponse(responseCode = "200", description = "the export",
			content = {
					@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							schema = @Schema(implementation = TrainerExport.class)),
					@Content(mediaType = ExportZip.MEDIA_TYPE, schema = @Schema(type = "string", format = "binary")) })
	@ApiResponse(responseCode = "4XX",
			description = "invalid recommendation request, unknown format, unknown option or bad option value (field)",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
	ResponseEntity<?> exportNew(@Valid @RequestBody RecommendationRequest body,
			@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> query,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
		ExportRequest request = ExportRequest.of(query);
		RecommendationResponse answer = this.recommender.recommend(body);
		ExportSource source = new ExportSource(answer.guide().id(), answer.guide().revision(),
				answer.recommendationId(), body.dataset().imageCount(), answer.triggerToken(), answer.parameters());
		return answer(this.exporter.export(source, request.format(), request.options()), accept);
	}

	private ResponseEntity<?> answer(TrainerExport export, String accept) {
		if (!ExportMediaType.zipWanted(accept)) {
			return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(export);
		}
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(ExportZip.MEDIA_TYPE))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(ExportZip.fileName(export)).build().toString())
			.body(ExportZip.of(export));
	}

	/**
	 * The export source from the decision log's row: read field by field, so that a row
	 * written by an older version of the answer still exports.
	 */
	private ExportSource source(LoggedRecommendation recommendation) {
		JsonNode request = this.json.readTree(recommendation.requestJson());
		JsonNode answer = this.json.readTree(recommendation.answerJson());
		TrainingParameters parameters = this.json.treeToValue(answer.path("parameters"), TrainingParameters.class);
		JsonNode trigger = answer.path("triggerToken");
		return new ExportSource(answer.at("/guide/id").asString(), answer.at("/guide/revision").asString(),
				recommendation.recommendationId(), request.at("/dataset/imageCount").asInt(),
				trigger.isString() ? trigger.asString() : null, parameters);
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

	/**
	 * The query of an export request: the format and the options.
	 *
	 * @param format the trainer
	 * @param options the export options
	 */
	record ExportRequest(TrainerFormat format, ExportOptions options) {

		static ExportRequest of(MultiValueMap<String, String> query) {
			Map<String, String> options = new LinkedHashMap<>();
			query.forEach((name, values) -> {
				if (values.size() > 1) {
					throw new InvalidExportOptionException(InertText.of(name), "is given more than once");
				}
				options.put(name, values.get(0));
			});
			String format = options.remove(FORMAT);
			if (format == null) {
				throw new InvalidExportOptionException(FORMAT, "is required: one of " + TrainerFormat.IDS);
			}
			return new ExportRequest(TrainerFormat.of(format), ExportOptions.of(options));
		}

	}

}
