package dev.loraguide.decisionlog;

import java.nio.file.Path;
import java.util.Map;

import dev.loraguide.experiment.RulesFolder;
import dev.loraguide.TestCredentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole service on a real PostgreSQL, as {@code spring.datasource.url} points it at
 * one in production: Flyway creates the tables, every recommendation lands in the log,
 * outcomes are upserted and results read back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class PostgresDecisionLogApiTests {

	@TempDir
	static Path rules;

	@Autowired
	RestTestClient http;

	@Autowired
	JdbcTemplate jdbc;

	@DynamicPropertySource
	static void postgresAndRules(DynamicPropertyRegistry registry) {
		SharedPostgres.Database database = SharedPostgres.newDatabase();
		registry.add("spring.datasource.url", database::jdbcUrl);
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.datasource.password", () -> "");
		RulesFolder.serve(rules, RulesFolder.LR_GENTLE_50_50, registry);
	}

	@Test
	void recommendationOutcomeAndResultsRoundTripOnPostgres() {
		assertThat(this.jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL 17");
		Map<?, ?> answer = this.http.post()
			.uri("/api/v1/recommendations")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"actor\":{\"id\":\"actor-4\"},\"dataset\":{\"imageCount\":20}}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		String id = answer.get("recommendationId").toString();
		postOutcome(id, 0.87).expectStatus().isCreated();
		postOutcome(id, 0.91).expectStatus().isOk();
		await().until(() -> this.jdbc.queryForObject("select count(*) from decision_log where variant = 'legacy'",
				Integer.class) == 1);
		this.http.get()
			.uri("/api/v1/experiments/lr-gentle/results")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.variants[1].assignments")
			.isEqualTo(1)
			.jsonPath("$.variants[1].metrics.identityScore.count")
			.isEqualTo(1)
			.jsonPath("$.variants[1].metrics.identityScore.mean")
			.isEqualTo(0.91);
	}

	private RestTestClient.ResponseSpec postOutcome(String id, double value) {
		return this.http.post()
			.uri("/api/v1/recommendations/{id}/outcomes", id)
			.header(HttpHeaders.AUTHORIZATION, TestCredentials.REPORTER)
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"metric\":\"identityScore\",\"value\":" + value + "}")
			.exchange();
	}

}
