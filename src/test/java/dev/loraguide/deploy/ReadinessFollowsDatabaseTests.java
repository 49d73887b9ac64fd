package dev.loraguide.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With the decision log on a real PostgreSQL, as in Compose and Kubernetes: when the
 * database stops answering the pod leaves the Service, and the kubelet leaves it running.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
class ReadinessFollowsDatabaseTests {

	private static final EmbeddedPostgres postgres = start();

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void decisionLogOnPostgres(DynamicPropertyRegistry properties) {
		properties.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", "postgres"));
		properties.add("spring.datasource.username", () -> "postgres");
		properties.add("spring.datasource.password", () -> "");
		// A dead database must fail the health check quickly, not after Hikari's 30 s
		// default.
		properties.add("spring.datasource.hikari.connection-timeout", () -> "1000");
	}

	@Test
	void whenPostgresStopsThePodIsNotReadyButStaysAlive() throws IOException {
		ServiceHttp http = new ServiceHttp(this.port);
		assertThat(http.getAsAdmin("/actuator/health/readiness").body()).contains("\"database\":\"PostgreSQL\"");
		assertThat(http.get("/actuator/health/readiness").statusCode()).isEqualTo(200);

		postgres.close();

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(http.get("/actuator/health/readiness").statusCode()).isEqualTo(503));
		assertThat(http.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
	}

	@AfterAll
	static void stopPostgres() throws IOException {
		postgres.close();
	}

	private static EmbeddedPostgres start() {
		try {
			return EmbeddedPostgres.builder().start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
