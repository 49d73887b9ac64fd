package dev.loraguide.security;

import dev.loraguide.ApiClient;
import dev.loraguide.ApiClient.Reply;
import dev.loraguide.TestCredentials;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may do what, over real HTTP with the test context's API tokens: reading is open,
 * reporting outcomes needs the report role, administering the admin role; refusals are
 * problem bodies.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class RolesTests {

	private static final String OUTCOMES = "/api/v1/recommendations/742b68bf-a8d8-4bf6-ae1a-603bf65a8135/outcomes";

	private static final String OUTCOME = "{\"metric\":\"identityScore\",\"value\":0.87}";

	@LocalServerPort
	private int port;

	private ApiClient api;

	@BeforeEach
	void client() {
		this.api = new ApiClient(this.port);
	}

	@Test
	void anyoneMayAskForARecommendationOnTheEmbeddedDefaults() {
		Reply reply = this.api.postJson("/api/v1/recommendations",
				"""
						{"actor":{"id":"a-17","name":"Jane Doe"},"dataset":{"imageCount":23},"guide":"flux-lora","overrides":{"maxTrainSteps":1800}}""");
		assertThat(reply.status()).isEqualTo(200);
		assertThat(this.api.get("/api/v1/guides").status()).isEqualTo(200);
	}

	@Test
	void reportingAnOutcomeWithoutACredentialIsUnauthorized() {
		Reply reply = this.api.postJson(OUTCOMES, OUTCOME);
		assertThat(reply.status()).isEqualTo(401);
		assertThat(reply.contentType()).isEqualTo("application/problem+json");
		assertThat(reply.json().get("code").asString()).isEqualTo("unauthorized");
	}

	@Test
	void reportingAnOutcomeWithAReadTokenIsForbidden() {
		Reply reply = this.api.postJsonAs(OUTCOMES, TestCredentials.READER, OUTCOME);
		assertThat(reply.status()).isEqualTo(403);
		assertThat(reply.json().get("code").asString()).isEqualTo("forbidden");
		assertThat(reply.json().get("detail").asString()).contains("report");
	}

	@Test
	void aReportTokenReachesTheOutcomeItself() {
		assertThat(this.api.postJsonAs(OUTCOMES, TestCredentials.REPORTER, OUTCOME).json().get("code").asString())
			.isEqualTo("unknown_recommendation");
	}

	@Test
	void anAdminTokenMayReportToo() {
		assertThat(this.api.postJsonAs(OUTCOMES, TestCredentials.ADMIN, OUTCOME).status()).isEqualTo(404);
	}

	@Test
	void reloadingNeedsTheAdminRole() {
		assertThat(this.api.postJsonAs("/api/v1/admin/guides/reload", TestCredentials.REPORTER, "").status())
			.isEqualTo(403);
		assertThat(this.api.postJsonAs("/api/v1/admin/guides/reload", TestCredentials.ADMIN, "").status())
			.isEqualTo(200);
	}

	@Test
	void theSaltIsNotPublished() {
		Reply experiments = this.api.get("/api/v1/experiments");
		assertThat(experiments.status()).isEqualTo(200);
		assertThat(experiments.body()).doesNotContain("salt").doesNotContain("lr-gentle-2026");
	}

	@Test
	void adminsSeeTheSaltAndTheForcedActors() {
		assertThat(this.api.get("/api/v1/admin/experiments").status()).isEqualTo(401);
		assertThat(this.api.get("/api/v1/admin/experiments", TestCredentials.REPORTER).status()).isEqualTo(403);
		Reply internals = this.api.get("/api/v1/admin/experiments", TestCredentials.ADMIN);
		assertThat(internals.status()).isEqualTo(200);
		assertThat(internals.json().get(0).get("salt").asString()).isNotBlank();
		assertThat(internals.json().get(0).has("forced")).isTrue();
	}

	@Test
	void aTokenOfNoOneIsRefusedWithTheBearerChallenge() {
		Reply reply = this.api.postJsonAs(OUTCOMES, "Bearer not-a-token-of-ours", OUTCOME);
		assertThat(reply.status()).isEqualTo(401);
		assertThat(reply.json().get("detail").asString()).contains("refused");
	}

}
