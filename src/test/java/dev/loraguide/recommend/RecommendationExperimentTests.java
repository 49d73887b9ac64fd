package dev.loraguide.recommend;

import java.nio.file.Path;

import dev.loraguide.experiment.RulesFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which guide answers when an experiment runs. With salt {@code lr-gentle-2026} and a
 * 50/50 split, GrowthBook's hash v2 puts actor-1 (0.4535) in control and actor-4 (0.7945)
 * in legacy.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class RecommendationExperimentTests {

	@TempDir
	static Path rules;

	@Autowired
	RestTestClient http;

	@DynamicPropertySource
	static void rulesFolder(DynamicPropertyRegistry registry) {
		RulesFolder.serve(rules, RulesFolder.LR_GENTLE_50_50, registry);
	}

	@Test
	void anEnrolledActorIsAnsweredByTheirVariantsGuide() {
		recommend("{\"actor\":{\"id\":\"actor-4\"},\"dataset\":{\"imageCount\":20}}").expectBody()
			.jsonPath("$.guide.id")
			.isEqualTo("legacy-defaults")
			.jsonPath("$.experiment.id")
			.isEqualTo("lr-gentle")
			.jsonPath("$.experiment.variant")
			.isEqualTo("legacy")
			.jsonPath("$.preset.id")
			.isEqualTo("legacy");
		recommend("{\"actor\":{\"id\":\"actor-1\"},\"dataset\":{\"imageCount\":20}}").expectBody()
			.jsonPath("$.guide.id")
			.isEqualTo("flux-lora")
			.jsonPath("$.experiment.variant")
			.isEqualTo("control");
	}

	@Test
	void aRequestNamingAGuideBypassesExperiments() {
		recommend("{\"actor\":{\"id\":\"actor-4\"},\"dataset\":{\"imageCount\":20},\"guide\":\"flux-lora\"}")
			.expectBody()
			.jsonPath("$.guide.id")
			.isEqualTo("flux-lora")
			.jsonPath("$.experiment")
			.isEmpty();
	}

	@Test
	void aRequestWithoutActorIdIsNotEnrolled() {
		recommend("{\"actor\":{\"name\":\"Ann\"},\"dataset\":{\"imageCount\":20}}").expectBody()
			.jsonPath("$.guide.id")
			.isEqualTo("flux-lora")
			.jsonPath("$.experiment")
			.isEmpty();
		recommend("{\"dataset\":{\"imageCount\":20}}").expectBody().jsonPath("$.experiment").isEmpty();
	}

	@Test
	void theRecommendationsCounterIsTaggedWithExperimentAndVariant() {
		recommend("{\"actor\":{\"id\":\"actor-4\"},\"dataset\":{\"imageCount\":20}}");
		recommend("{\"dataset\":{\"imageCount\":20}}");
		String scrape = this.http.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(scrape).contains(
				"lora_recommendations_total{experiment=\"lr-gentle\",guide=\"legacy-defaults\",preset=\"legacy\",variant=\"legacy\"}",
				"lora_recommendations_total{experiment=\"none\",guide=\"flux-lora\",preset=\"B\",variant=\"none\"}",
				"lora_decisionlog_queue_depth", "lora_decisionlog_written_total", "lora_decisionlog_dropped_total");
	}

	private RestTestClient.ResponseSpec recommend(String body) {
		return this.http.post()
			.uri("/api/v1/recommendations")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange()
			.expectStatus()
			.isOk();
	}

}
