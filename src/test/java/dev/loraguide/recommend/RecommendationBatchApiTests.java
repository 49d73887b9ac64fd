package dev.loraguide.recommend;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.loraguide.ApiClient;
import dev.loraguide.ApiClient.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The JSON contract of {@code POST /api/v1/recommendations/batch}, over real HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RecommendationBatchApiTests {

	private static final String PATH = "/api/v1/recommendations/batch";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	ApiClient api;

	@BeforeEach
	void connect() {
		this.api = new ApiClient(this.port);
	}

	private JsonNode batch(String... requests) {
		Reply reply = this.api.postJson(PATH, "{\"requests\":[" + String.join(",", requests) + "]}");
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		assertThat(reply.contentType()).startsWith("application/json");
		return reply.json();
	}

	private static String images(int imageCount) {
		return "{\"actor\":{\"id\":\"batch-" + imageCount + "\",\"name\":\"Batch Actor\"},\"dataset\":{\"imageCount\":"
				+ imageCount + "}}";
	}

	private JsonNode problemOfOnlyBadItem(String bad) {
		JsonNode answer = batch(images(10), bad, images(45));
		assertThat(answer.get("answered").asInt()).isEqualTo(2);
		assertThat(answer.get("refused").asInt()).isEqualTo(1);
		assertThat(answer.at("/results/0/recommendation/preset/id").asString()).isEqualTo("A");
		assertThat(answer.at("/results/2/recommendation/preset/id").asString()).isEqualTo("C");
		JsonNode slot = answer.at("/results/1");
		assertThat(slot.has("recommendation")).isFalse();
		return slot.get("problem");
	}

	@Test
	void everyRequestIsAnsweredInItsSlotAsItWouldBeAlone() {
		JsonNode answer = batch(images(10), images(23), images(45), images(75));
		assertThat(answer.get("answered").asInt()).isEqualTo(4);
		assertThat(answer.get("refused").asInt()).isZero();
		assertThat(answer.get("results")).extracting((slot) -> slot.at("/recommendation/preset/id").asString())
			.containsExactly("A", "B", "C", "XL");
		JsonNode alone = this.api.postJson("/api/v1/recommendations", images(23)).json();
		JsonNode inBatch = answer.at("/results/1/recommendation");
		assertThat(inBatch.get("status")).isNull();
		assertThat(answer.at("/results/1/status").asInt()).isEqualTo(200);
		assertThat(inBatch.get("parameters")).isEqualTo(alone.get("parameters"));
		assertThat(inBatch.get("summary")).isEqualTo(alone.get("summary"));
		assertThat(inBatch.get("triggerToken").asString()).isEqualTo("Batch Actor");
	}

	@Test
	void everyAnsweredRequestIsOneDecisionWithItsOwnId() {
		JsonNode answer = batch(images(10), images(23), "{\"dataset\":{\"imageCount\":0}}", images(75));
		List<String> ids = new ArrayList<>();
		answer.get("results").forEach((slot) -> ids.add(slot.at("/recommendation/recommendationId").asString(null)));
		assertThat(ids).hasSize(4).containsNull();
		Set<String> answered = ids.stream().filter((id) -> id != null).collect(Collectors.toSet());
		assertThat(answered).hasSize(3);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(answered).allSatisfy((id) -> assertThat(
					this.jdbc.queryForObject("select count(*) from decision_log where recommendation_id = ?",
							Integer.class, UUID.fromString(id)))
				.isEqualTo(1)));
	}

	@ParameterizedTest(name = "{0} is refused in its slot at {1}")
	@CsvSource(delimiter = '|', value = { "{\"dataset\":{\"imageCount\":0}}|/requests/1/dataset/imageCount",
			"{\"dataset\":{\"imageCount\":2.5}}|/requests/1/dataset/imageCount",
			"{\"dataset\":{\"imageCount\":\"23\"}}|/requests/1/dataset/imageCount",
			"{\"dataset\":{\"imageCount\":99999999999999}}|/requests/1/dataset/imageCount",
			"{\"dataset\":{}}|/requests/1/dataset/imageCount", "{\"actor\":{\"id\":\"a\"}}|/requests/1/dataset",
			"{\"dataset\":{\"imageCount\":23},\"overrides\":{\"learnigRate\":0.0003}}|/requests/1/overrides/learnigRate",
			"{\"dataset\":{\"imageCount\":23},\"overrides\":{\"learningRate\":2}}|/requests/1/overrides/learningRate",
			"null|/requests/1", "23|/requests/1" })
	void badRequestIsRefusedInItsSlotWithAPointerToTheField(String bad, String pointer) {
		JsonNode problem = problemOfOnlyBadItem(bad);
		assertThat(problem.get("status").asInt()).isEqualTo(400);
		assertThat(problem.get("code").asString()).isEqualTo("invalid_field");
		assertThat(problem.get("title").asString()).isEqualTo("Bad Request");
		assertThat(problem.get("pointer").asString()).isEqualTo(pointer);
		assertThat(problem.at("/errors/0/pointer").asString()).isEqualTo(pointer);
		assertThat(problem.get("detail").asString()).contains(problem.get("field").asString());
		assertThat(problem.toString()).doesNotContain("Exception");
	}

	@Test
	void everyWrongFieldOfARequestIsListed() {
		JsonNode problem = problemOfOnlyBadItem(
				"{\"dataset\":{\"imageCount\":23},\"overrides\":{\"repeats\":0,\"epochs\":0}}");
		assertThat(problem.get("errors")).extracting((error) -> error.get("pointer").asString())
			.containsExactly("/requests/1/overrides/epochs", "/requests/1/overrides/repeats");
		assertThat(problem.get("field").asString()).isEqualTo("requests[1].overrides.epochs");
	}

	@Test
	void unknownGuideIsNotFoundInItsSlot() {
		JsonNode problem = problemOfOnlyBadItem("{\"dataset\":{\"imageCount\":23},\"guide\":\"no-such-guide\"}");
		assertThat(problem.get("status").asInt()).isEqualTo(404);
		assertThat(problem.get("code").asString()).isEqualTo("unknown_guide");
		assertThat(problem.get("pointer").asString()).isEqualTo("/requests/1/guide");
	}

	@Test
	void aThousandRequestsAreAnsweredInOneBody() {
		JsonNode answer = batch(
				IntStream.rangeClosed(1, 1000).mapToObj((i) -> images(i % 120 + 1)).toArray(String[]::new));
		assertThat(answer.get("answered").asInt()).isEqualTo(1000);
		Set<String> ids = new HashSet<>();
		answer.get("results").forEach((slot) -> ids.add(slot.at("/recommendation/recommendationId").asString()));
		assertThat(ids).hasSize(1000);
	}

	@Test
	void moreThanAThousandRequestsAreRefusedAsAWhole() {
		String body = IntStream.rangeClosed(1, 1001)
			.mapToObj((i) -> images(23))
			.collect(Collectors.joining(",", "{\"requests\":[", "]}"));
		assertWholeBodyRefusedAtRequests(this.api.postJson(PATH, body));
	}

	@Test
	void emptyBatchIsRefusedAsAWhole() {
		assertWholeBodyRefusedAtRequests(this.api.postJson(PATH, "{\"requests\":[]}"));
		assertWholeBodyRefusedAtRequests(this.api.postJson(PATH, "{}"));
	}

	private static void assertWholeBodyRefusedAtRequests(Reply reply) {
		assertThat(reply.status()).as(reply.body()).isEqualTo(400);
		assertThat(reply.contentType()).startsWith("application/problem+json");
		assertThat(reply.json().get("code").asString()).isEqualTo("invalid_field");
		assertThat(reply.json().get("field").asString()).isEqualTo("requests");
	}

	@Test
	void malformedBodyIsRefusedAsAWhole() {
		Reply reply = this.api.postJson(PATH, "{\"requests\":[{\"dataset\":");
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.json().get("code").asString()).isEqualTo("malformed_json");
	}

	@Test
	void refusedRequestsAreCountedByCode() {
		problemOfOnlyBadItem("{\"dataset\":{\"imageCount\":0}}");
		String scrape = this.api.get("/actuator/prometheus").body();
		assertThat(scrape).containsPattern("lora_recommendations_refused_total\\{code=\"invalid_field\"[^}]*\\} [1-9]");
	}

}
