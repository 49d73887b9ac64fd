package dev.loraguide.recommend;

import java.util.UUID;

import dev.loraguide.ApiClient;
import dev.loraguide.ApiClient.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The JSON contract of {@code POST /api/v1/recommendations}, over real HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RecommendationApiTests {

	private static final String JANE_23_IMAGES = """
			{"actor":{"id":"a-17","name":"Jane Doe"},"dataset":{"imageCount":23},"guide":"flux-lora"}""";

	@LocalServerPort
	int port;

	ApiClient api;

	@BeforeEach
	void connect() {
		this.api = new ApiClient(this.port);
	}

	private JsonNode recommend(String body) {
		Reply reply = this.api.postJson("/api/v1/recommendations", body);
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		assertThat(reply.contentType()).startsWith("application/json");
		return reply.json();
	}

	@Test
	void answerCarriesEveryFieldOfTheContract() {
		JsonNode answer = recommend(JANE_23_IMAGES);
		assertThat(answer.get("recommendationId").asString()).matches("[0-9a-f-]{36}");
		assertThat(answer.at("/guide/id").asString()).isEqualTo("flux-lora");
		assertThat(answer.at("/guide/revision").asString()).matches("[0-9a-f]{16}");
		assertThat(answer.at("/preset/id").asString()).isEqualTo("B");
		assertThat(answer.at("/preset/label").asString()).isEqualTo("Standard (the default)");
		JsonNode parameters = answer.get("parameters");
		assertThat(parameters.get("maxTrainSteps").asInt()).isEqualTo(2000);
		assertThat(parameters.get("learningRate").asDouble()).isEqualTo(0.00025);
		assertThat(parameters.get("networkDim").asInt()).isEqualTo(16);
		assertThat(parameters.get("networkAlpha").asInt()).isEqualTo(8);
		assertThat(parameters.get("repeats").asInt()).isEqualTo(2);
		assertThat(parameters.get("epochs").asInt()).isEqualTo(43);
		assertThat(parameters.get("warmupSteps").asInt()).isEqualTo(400);
		assertThat(parameters.get("lrScheduler").asString()).isEqualTo("cosine");
		assertThat(answer.get("triggerToken").asString()).isEqualTo("Jane Doe");
		assertThat(answer.at("/estimatedFileSizeMb/min").asDouble()).isEqualTo(12.0);
		assertThat(answer.at("/estimatedFileSizeMb/max").asDouble()).isEqualTo(15.0);
		assertThat(answer.get("warnings").isArray()).isTrue();
		assertThat(answer.get("firedRules").get(0).isString()).isTrue();
		assertThat(answer.get("summary").asString()).startsWith("Preset B (Standard (the default)) for 23 images");
	}

	@Test
	void recommendationIdsAreTimeOrderedUuids() {
		long before = System.currentTimeMillis();
		UUID first = UUID.fromString(recommend(JANE_23_IMAGES).get("recommendationId").asString());
		UUID second = UUID.fromString(recommend(JANE_23_IMAGES).get("recommendationId").asString());
		long after = System.currentTimeMillis();
		assertThat(first.version()).isEqualTo(7);
		assertThat(first).isNotEqualTo(second);
		// UUIDv7: the first 48 bits are the Unix time in milliseconds.
		assertThat(first.getMostSignificantBits() >>> 16).isBetween(before, after);
		assertThat(second.getMostSignificantBits() >>> 16).isBetween(first.getMostSignificantBits() >>> 16, after);
	}

	@ParameterizedTest(name = "{0} images → preset {1}")
	@CsvSource({ "1, A", "15, A", "16, B", "23, B", "31, C", "60, C", "61, XL", "75, XL" })
	void defaultGuideAnswersWhenNoneIsNamed(int imageCount, String preset) {
		JsonNode answer = recommend("{\"dataset\":{\"imageCount\":" + imageCount + "}}");
		assertThat(answer.at("/guide/id").asString()).isEqualTo("flux-lora");
		assertThat(answer.at("/preset/id").asString()).isEqualTo(preset);
	}

	@Test
	void overridesAreKeptAndDerivedValuesFollow() {
		JsonNode answer = recommend("""
				{"dataset":{"imageCount":23},"overrides":{"maxTrainSteps":1800}}""");
		assertThat(answer.at("/parameters/maxTrainSteps").asInt()).isEqualTo(1800);
		assertThat(answer.at("/parameters/warmupSteps").asInt()).isEqualTo(360);
		assertThat(answer.at("/parameters/epochs").asInt()).isEqualTo(39);
	}

	@Test
	void namedGuideAnswers() {
		JsonNode answer = recommend("""
				{"dataset":{"imageCount":23},"guide":"legacy-defaults"}""");
		assertThat(answer.at("/guide/id").asString()).isEqualTo("legacy-defaults");
		assertThat(answer.at("/parameters/networkDim").asInt()).isEqualTo(32);
	}

	@Test
	void actorWithoutNameGetsNoTriggerTokenAndAWarningSayingSo() {
		JsonNode answer = recommend("""
				{"actor":{"id":"a-18"},"dataset":{"imageCount":23}}""");
		assertThat(answer.get("triggerToken").isNull()).isTrue();
		assertThat(answer.get("warnings").findValuesAsString("code")).contains("no_trigger_token");
	}

	@Test
	void largeDatasetsAreWarnedToCurate() {
		JsonNode answer = recommend("{\"dataset\":{\"imageCount\":75}}");
		assertThat(answer.get("warnings").findValuesAsString("code")).contains("curate_dataset");
	}

	@Test
	void everyAnswerHasItsOwnId() {
		assertThat(recommend(JANE_23_IMAGES).get("recommendationId"))
			.isNotEqualTo(recommend(JANE_23_IMAGES).get("recommendationId"));
	}

	@Test
	void recommendationsAreCountedAndTimedByGuideAndPreset() {
		recommend(JANE_23_IMAGES);
		String scrape = this.api.get("/actuator/prometheus").body();
		assertThat(scrape).containsPattern("lora_recommendations_total\\{[^}]*guide=\"flux-lora\"[^}]*preset=\"B\"");
		assertThat(scrape)
			.containsPattern("lora_guide_evaluation_seconds_count\\{[^}]*guide=\"flux-lora\"[^}]*preset=\"B\"");
	}

}
