package dev.loraguide.recommend;

import dev.loraguide.ApiClient;
import dev.loraguide.ApiClient.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input gets a 4xx RFC 9457 problem body that names the field, never a 500 or a stack
 * trace.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BadRecommendationRequestTests {

	private static final String PATH = "/api/v1/recommendations";

	@LocalServerPort
	int port;

	ApiClient api;

	@BeforeEach
	void connect() {
		this.api = new ApiClient(this.port);
	}

	private JsonNode problem(Reply reply, int status) {
		assertThat(reply.status()).as(reply.body()).isEqualTo(status);
		assertThat(reply.contentType()).startsWith("application/problem+json");
		assertThat(reply.body()).doesNotContain("Exception").doesNotContain("\tat ");
		JsonNode body = reply.json();
		assertThat(body.get("status").asInt()).isEqualTo(status);
		assertThat(body.get("code").asString()).isNotBlank();
		return body;
	}

	private void assertNamesField(String body, String field) {
		JsonNode problem = problem(this.api.postJson(PATH, body), 400);
		assertThat(problem.get("code").asString()).isEqualTo("invalid_field");
		assertThat(problem.get("field").asString()).isEqualTo(field);
		assertThat(problem.get("detail").asString()).contains(field);
	}

	@Test
	void missingImageCountIsRefused() {
		assertNamesField("{\"dataset\":{}}", "dataset.imageCount");
	}

	@Test
	void missingDatasetIsRefused() {
		assertNamesField("{\"actor\":{\"id\":\"a-1\"}}", "dataset");
	}

	@ParameterizedTest(name = "imageCount {0} is refused")
	@ValueSource(
			strings = { "0", "-3", "2.5", "23.0", "\"abc\"", "\"23\"", "100001", "99999999999999", "true", "[23]" })
	void invalidImageCountIsRefused(String imageCount) {
		assertNamesField("{\"dataset\":{\"imageCount\":" + imageCount + "}}", "dataset.imageCount");
	}

	@Test
	void largestSaneImageCountIsAccepted() {
		assertThat(this.api.postJson(PATH, "{\"dataset\":{\"imageCount\":100000}}").status()).isEqualTo(200);
	}

	@ParameterizedTest(name = "malformed body {0} is refused")
	@ValueSource(strings = { "{\"dataset\":{\"imageCount\":23}", "{dataset: 1}", "not json",
			"{\"dataset\":{\"imageCount\":23}} trailing" })
	void malformedJsonIsRefused(String body) {
		JsonNode problem = problem(this.api.postJson(PATH, body), 400);
		assertThat(problem.get("code").asString()).isEqualTo("malformed_json");
	}

	@Test
	void emptyBodyIsRefused() {
		problem(this.api.postJson(PATH, ""), 400);
	}

	@Test
	void bodyThatIsNotAnObjectIsRefused() {
		assertNamesField("[]", "body");
	}

	@Test
	void unknownGuideIsNotFound() {
		JsonNode problem = problem(
				this.api.postJson(PATH, "{\"dataset\":{\"imageCount\":23},\"guide\":\"no-such-guide\"}"), 404);
		assertThat(problem.get("code").asString()).isEqualTo("unknown_guide");
		assertThat(problem.get("field").asString()).isEqualTo("guide");
	}

	@Test
	void contentTypeOtherThanJsonIsUnsupported() {
		problem(this.api.post(PATH, "text/plain", "{\"dataset\":{\"imageCount\":23}}"), 415);
	}

	@ParameterizedTest(name = "override {0} is refused")
	@ValueSource(strings = { "\"learningRate\":0", "\"learningRate\":-0.0001", "\"learningRate\":2",
			"\"maxTrainSteps\":0", "\"maxTrainSteps\":1000001", "\"networkDim\":0", "\"networkAlpha\":-1",
			"\"repeats\":0", "\"epochs\":0", "\"warmupSteps\":-1", "\"lrScheduler\":\"sometimes\"" })
	void overrideOutOfItsSaneRangeIsRefused(String override) {
		String name = override.substring(1, override.indexOf('"', 1));
		assertNamesField("{\"dataset\":{\"imageCount\":23},\"overrides\":{" + override + "}}", "overrides." + name);
	}

	@Test
	void misspelledOverrideIsRefusedNotIgnored() {
		JsonNode problem = problem(
				this.api.postJson(PATH, "{\"dataset\":{\"imageCount\":23},\"overrides\":{\"learnigRate\":0.0003}}"),
				400);
		assertThat(problem.get("field").asString()).isEqualTo("overrides.learnigRate");
		assertThat(problem.get("detail").asString()).contains("learningRate");
	}

	@Test
	void unknownTopLevelFieldIsRefused() {
		assertNamesField("{\"dataset\":{\"imageCount\":23},\"guid\":\"flux-lora\"}", "guid");
	}

	@Test
	void overlongActorNameIsRefused() {
		assertNamesField("{\"actor\":{\"name\":\"" + "x".repeat(201) + "\"},\"dataset\":{\"imageCount\":23}}",
				"actor.name");
	}

}
