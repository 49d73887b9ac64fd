package dev.loraguide.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.loraguide.guide.GuideRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Readiness (the Service sends traffic) needs the default guide and the database; liveness (the
 * kubelet restarts the pod) needs neither, so a bad guide rollout or a database outage takes pods
 * out of the Service without restarting them in a loop.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class HealthGroupsTests {

	private static final String DEFAULT_GUIDE = "flux-lora";

	@TempDir
	static Path guides;

	@LocalServerPort
	private int port;

	@Autowired
	private GuideRegistry registry;

	@DynamicPropertySource
	static void guidesFromACopyOfTheShippedOnes(DynamicPropertyRegistry properties) {
		DeployFiles.copyShippedGuides(guides);
		properties.add("guides.dir", guides::toString);
	}

	@Test
	void readinessWaitsForTheDefaultGuideAndTheDatabase() {
		JsonNode readiness = health("/actuator/health/readiness", 200);
		assertThat(readiness.path("components").propertyNames()).containsExactlyInAnyOrder("readinessState", "guides",
				"db");
	}

	@Test
	void livenessDependsOnTheProcessAlone() {
		JsonNode liveness = health("/actuator/health/liveness", 200);
		assertThat(liveness.path("components").propertyNames()).containsExactly("livenessState");
	}

	@Test
	void withoutTheDefaultGuideThePodIsNotReadyButStaysAlive() {
		Path saved = guides.resolveSibling(guides.getFileName() + "-saved");
		try {
			move(guides.resolve(DEFAULT_GUIDE), saved);
			this.registry.reload();
			assertThat(health("/actuator/health/readiness", 503).path("components").path("guides").path("status")
				.stringValue("")).isEqualTo("DOWN");
			health("/actuator/health/liveness", 200);
		}
		finally {
			move(saved, guides.resolve(DEFAULT_GUIDE));
			this.registry.reload();
		}
		health("/actuator/health/readiness", 200);
	}

	private JsonNode health(String path, int expectedStatus) {
		var response = new ServiceHttp(this.port).get(path);
		assertThat(response.statusCode()).as("%s: %s", path, response.body()).isEqualTo(expectedStatus);
		return JsonMapper.builder().build().readTree(response.body());
	}

	private static void move(Path from, Path to) {
		try {
			Files.move(from, to);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
