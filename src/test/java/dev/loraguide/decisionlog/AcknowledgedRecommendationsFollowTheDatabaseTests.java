package dev.loraguide.decisionlog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import dev.loraguide.TestCredentials;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Acknowledged mode over real HTTP on a PostgreSQL that is stopped and started again on
 * the same data: a 200 always has its row, a stopped database gets callers a 503 with
 * {@code Retry-After} within the bounded wait, and readiness goes down with the database
 * and comes back with it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "decisionlog.durability=acknowledged", "decisionlog.acknowledge-timeout=10s",
				"decisionlog.retry-after=3s" })
@AutoConfigureRestTestClient
@DirtiesContext
class AcknowledgedRecommendationsFollowTheDatabaseTests {

	private static final Path DATA = temporaryFolder();

	private static final int PORT = freePort();

	private static EmbeddedPostgres postgres = start();

	@Autowired
	RestTestClient http;

	@Autowired
	JdbcTemplate jdbc;

	@DynamicPropertySource
	static void decisionLogOnPostgres(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", "postgres"));
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.datasource.password", () -> "");
	}

	@Test
	void aStoppedDatabaseGets503WithRetryAfterAndReadinessFollowsIt() throws IOException {
		String id = recommend().expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("recommendationId")
			.toString();
		assertThat(this.jdbc.queryForObject("select count(*) from decision_log where recommendation_id = ?::uuid",
				Integer.class, id))
			.as("the row is committed before the 200")
			.isEqualTo(1);

		postgres.close();

		recommend().expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.valueEquals(HttpHeaders.RETRY_AFTER, "3")
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("decision_log_unavailable");
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> readiness().expectStatus()
				.isEqualTo(503)
				.expectBody()
				.jsonPath("$.components.decisionLog.status")
				.isEqualTo("DOWN"));

		postgres = start();

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> readiness().expectStatus().isOk());
		recommend().expectStatus().isOk();
	}

	private RestTestClient.ResponseSpec recommend() {
		return this.http.post()
			.uri("/api/v1/recommendations")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"actor\":{\"id\":\"actor-1\"},\"dataset\":{\"imageCount\":20}}")
			.exchange();
	}

	private RestTestClient.ResponseSpec readiness() {
		// Components are shown to the admin role only.
		return this.http.get()
			.uri("/actuator/health/readiness")
			.header(HttpHeaders.AUTHORIZATION, TestCredentials.ADMIN)
			.exchange();
	}

	@AfterAll
	static void stopPostgres() throws IOException {
		postgres.close();
		FileSystemUtils.deleteRecursively(DATA);
	}

	/** The same port and data each time, as a database restarted in place. */
	private static EmbeddedPostgres start() {
		try {
			return EmbeddedPostgres.builder().setPort(PORT).setDataDirectory(DATA).setCleanDataDirectory(false).start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path temporaryFolder() {
		try {
			return Files.createTempDirectory("lora-guide-pg");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
