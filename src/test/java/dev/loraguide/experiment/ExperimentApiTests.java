package dev.loraguide.experiment;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import dev.loraguide.TestCredentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The experiments API over real HTTP: outcomes, results and the experiments listing, with
 * the decision log on the test database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class ExperimentApiTests {

	static final String RUNNING_50_50 = RulesFolder.LR_GENTLE_50_50 + """
			    forced: {qa-actor: legacy}
			""";

	@TempDir
	static Path rules;

	@Autowired
	RestTestClient http;

	@DynamicPropertySource
	static void rulesFolder(DynamicPropertyRegistry registry) {
		RulesFolder.serve(rules, RUNNING_50_50, registry);
	}

	@Test
	void anOutcomeIsCreatedAndARepostReplacesIt() {
		String id = recommend("actor-1").get("recommendationId").toString();
		postOutcome(id, "{\"metric\":\"identityScore\",\"value\":0.87}").expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.recommendationId")
			.isEqualTo(id)
			.jsonPath("$.value")
			.isEqualTo(0.87);
		postOutcome(id, "{\"metric\":\"identityScore\",\"value\":0.91}").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.value")
			.isEqualTo(0.91);
	}

	@Test
	void anOutcomePostedRightAfterItsRecommendationIsNeverRefused() {
		for (int i = 0; i < 50; i++) {
			String id = recommend("eager-actor-" + i).get("recommendationId").toString();
			postOutcome(id, "{\"metric\":\"identityScore\",\"value\":0.5}").expectStatus().isCreated();
		}
	}

	@Test
	void anOutcomeForAnUnknownRecommendationIs404() {
		postOutcome("3fa85f64-5717-4562-b3fc-2c963f66afa6", "{\"metric\":\"identityScore\",\"value\":0.87}")
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("unknown_recommendation");
		postOutcome("not-a-uuid", "{\"metric\":\"identityScore\",\"value\":0.87}").expectStatus().isNotFound();
	}

	@Test
	void aBadMetricNameIs400NamingTheField() {
		String id = recommend("actor-1").get("recommendationId").toString();
		postOutcome(id, "{\"metric\":\"identity score\",\"value\":0.87}").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("invalid_field")
			.jsonPath("$.field")
			.isEqualTo("metric");
		postOutcome(id, "{\"metric\":\"" + "m".repeat(65) + "\",\"value\":0.87}").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.field")
			.isEqualTo("metric");
	}

	@Test
	void aValueThatIsNotAFiniteNumberIs400NamingTheField() {
		String id = recommend("actor-1").get("recommendationId").toString();
		for (String body : List.of("{\"metric\":\"identityScore\"}",
				"{\"metric\":\"identityScore\",\"value\":\"high\"}",
				"{\"metric\":\"identityScore\",\"value\":1e400}")) {
			postOutcome(id, body).expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("value");
		}
	}

	@Test
	void resultsOfAnUnknownExperimentAre404() {
		this.http.get()
			.uri("/api/v1/experiments/nope/results")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("unknown_experiment");
	}

	/**
	 * Same samples and SciPy values as ResultsStatisticsTests, this time through HTTP and
	 * the database.
	 */
	@Test
	void resultsShowEachVariantsStatisticsAndTheComparison() {
		double[] control = { 0.81, 0.84, 0.79, 0.88, 0.83, 0.86, 0.80, 0.85 };
		double[] legacy = { 0.74, 0.79, 0.77, 0.72, 0.80, 0.75, 0.78 };
		List<String> controlIds = new ArrayList<>();
		List<String> legacyIds = new ArrayList<>();
		for (int i = 0; controlIds.size() < control.length || legacyIds.size() < legacy.length; i++) {
			Map<String, Object> answer = recommend("results-actor-" + i);
			String variant = ((Map<?, ?>) answer.get("experiment")).get("variant").toString();
			List<String> ids = variant.equals("control") ? controlIds : legacyIds;
			ids.add(answer.get("recommendationId").toString());
		}
		for (int i = 0; i < control.length; i++) {
			postOutcome(controlIds.get(i), "{\"metric\":\"fidelity\",\"value\":" + control[i] + "}").expectStatus()
				.isCreated();
		}
		for (int i = 0; i < legacy.length; i++) {
			postOutcome(legacyIds.get(i), "{\"metric\":\"fidelity\",\"value\":" + legacy[i] + "}").expectStatus()
				.isCreated();
		}
		recommend("qa-actor");
		this.http.get()
			.uri("/api/v1/experiments/lr-gentle/results")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.variants[0].name")
			.isEqualTo("control")
			.jsonPath("$.variants[0].metrics.fidelity.count")
			.isEqualTo(8)
			.jsonPath("$.variants[0].metrics.fidelity.mean")
			.value(Double.class, near(0.8325))
			.jsonPath("$.variants[0].metrics.fidelity.ci95.lower")
			.value(Double.class, near(0.8065390839792158))
			.jsonPath("$.variants[1].metrics.fidelity.standardDeviation")
			.value(Double.class, near(0.028784916685157))
			.jsonPath("$.variants[1].comparedWithControl.fidelity.difference")
			.value(Double.class, near(-0.06821428571428578))
			.jsonPath("$.variants[1].comparedWithControl.fidelity.pValue")
			.value(Double.class, near(0.000707898748615869))
			.jsonPath("$.sampleRatio.threshold")
			.isEqualTo(0.001);
	}

	@Test
	void forcedActorsAreNotCountedInTheResults() {
		Map<String, Object> answer = recommend("qa-actor");
		assertThat(answer.get("experiment")).isEqualTo(Map.of("id", "lr-gentle", "variant", "legacy"));
		this.http.get()
			.uri("/api/v1/experiments/lr-gentle/results")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.value((results) -> assertThat(results.toString()).doesNotContain("qa-actor"));
	}

	/**
	 * The edit is picked up by the live rules-folder watcher, as an ML lead's save would
	 * be.
	 */
	@Test
	void aRefusedEditShowsInTheListingAndHealthWhileTheLastGoodVersionServes() {
		RulesFolder.write(rules.resolve("experiments.yaml"), RUNNING_50_50.replaceFirst("weight: 50", "weight: 40"));
		try {
			awaitListingStatus("refused");
			this.http.get()
				.uri("/api/v1/experiments")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.problems[0].experiment")
				.isEqualTo("lr-gentle")
				.jsonPath("$.problems[0].field")
				.isEqualTo("variants[*].weight")
				.jsonPath("$.experiments[0].status")
				.isEqualTo("running");
			this.http.get()
				.uri("/actuator/health/experiments")
				.header(HttpHeaders.AUTHORIZATION, TestCredentials.ADMIN)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.status")
				.isEqualTo("UP")
				.jsonPath("$.details.status")
				.isEqualTo("refused")
				.jsonPath("$.details.problems[0]")
				.isEqualTo("5:5: experiment 'lr-gentle' variants[*].weight: weights add up to 90, not 100");
			assertThat(recommend("actor-4").get("experiment"))
				.isEqualTo(Map.of("id", "lr-gentle", "variant", "legacy"));
		}
		finally {
			RulesFolder.write(rules.resolve("experiments.yaml"), RUNNING_50_50);
			awaitListingStatus("serving");
		}
	}

	private void awaitListingStatus(String status) {
		await().atMost(Duration.ofSeconds(15))
			.until(() -> status.equals(this.http.get()
				.uri("/api/v1/experiments")
				.exchange()
				.expectBody(Map.class)
				.returnResult()
				.getResponseBody()
				.get("status")));
	}

	private static Consumer<Double> near(double expected) {
		return (actual) -> assertThat(actual).isCloseTo(expected, within(1e-9));
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> recommend(String actorId) {
		return this.http.post()
			.uri("/api/v1/recommendations")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"actor\":{\"id\":\"" + actorId + "\"},\"dataset\":{\"imageCount\":20}}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	private RestTestClient.ResponseSpec postOutcome(String id, String body) {
		return this.http.post()
			.uri("/api/v1/recommendations/{id}/outcomes", id)
			.header(HttpHeaders.AUTHORIZATION, TestCredentials.REPORTER)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange();
	}

}
