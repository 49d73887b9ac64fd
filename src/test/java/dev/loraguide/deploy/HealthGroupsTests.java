package dev.loraguide.deploy;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.BDDMockito.given;

/**
 * Readiness (the Service sends traffic) needs the {@code guides} component (the default
 * guide is serving) and the database; liveness (the kubelet restarts the pod) needs
 * neither, so a guide or database problem takes pods out of the Service without
 * restarting them in a loop. The {@code guides} component is stood in for here, because
 * whether it can go down at run time is the guide registry's business; the database case
 * runs against a real PostgreSQL in {@link ReadinessFollowsDatabaseTests}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class HealthGroupsTests {

	@LocalServerPort
	private int port;

	@MockitoBean(name = "guides")
	private HealthIndicator guides;

	@BeforeEach
	void defaultGuideServing() {
		guidesReport(Health.up().build());
	}

	@Test
	void readinessWaitsForTheDefaultGuideAndTheDatabase() {
		JsonNode readiness = health("/actuator/health/readiness", 200);
		assertThat(readiness.path("components").propertyNames()).containsExactlyInAnyOrder("readinessState", "guides",
				"db", "decisionLog");
	}

	@Test
	void livenessDependsOnTheProcessAlone() {
		JsonNode liveness = health("/actuator/health/liveness", 200);
		assertThat(liveness.path("components").propertyNames()).containsExactly("livenessState");
	}

	@Test
	void withoutTheDefaultGuideThePodIsNotReadyButStaysAlive() {
		guidesReport(Health.down().withDetail("default", "flux-lora").build());

		assertThat(health("/actuator/health/readiness", 503).path("components")
			.path("guides")
			.path("status")
			.stringValue("")).isEqualTo("DOWN");
		health("/actuator/health/liveness", 200);
	}

	@Test
	void anonymousCallersGetTheStatusAlone() {
		var response = new ServiceHttp(this.port).get("/actuator/health");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(JsonMapper.builder().build().readTree(response.body()).propertyNames()).contains("status")
			.doesNotContain("components", "details");
	}

	@Test
	void adminsGetEveryComponentWithItsDetails() {
		JsonNode health = health("/actuator/health", 200);
		assertThat(health.path("components").path("db").path("details").path("database").stringValue(""))
			.isEqualTo("H2");
	}

	private void guidesReport(Health health) {
		given(this.guides.health()).willReturn(health);
		given(this.guides.health(anyBoolean())).willReturn(health);
	}

	private JsonNode health(String path, int expectedStatus) {
		var response = new ServiceHttp(this.port).getAsAdmin(path);
		assertThat(response.statusCode()).as("%s: %s", path, response.body()).isEqualTo(expectedStatus);
		return JsonMapper.builder().build().readTree(response.body());
	}

}
