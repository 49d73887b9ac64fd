package dev.loraguide.guide;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service as a real process: it starts although a guide in its folder loops forever
 * (that guide is skipped with its reason), and SIGTERM stops it within the grace period
 * while a looping guide is being checked, leaving no check process behind.
 */
class GuideGateProcessTests {

	/**
	 * Of CPU time: a sound guide's check uses about 12 s, a loop uses it in about 30 s.
	 */
	private static final int TIME_LIMIT_SECONDS = 30;

	private static final int GRACE_SECONDS = 10;

	private static final String LOOP = "\nrule \"Wait for the plan\"\nwhen\n    $plan : TrainingPlan( presetId != null )\n"
			+ "then\n    while ( $plan != null ) { }\nend\n";

	@TempDir
	Path temp;

	private Process service;

	/** Health shows its components to the admin role only. */
	private static final String ADMIN_TOKEN = "gate-process-admin";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@AfterEach
	void stop() {
		if (this.service != null && this.service.isAlive()) {
			this.service.descendants().forEach(ProcessHandle::destroyForcibly);
			this.service.destroyForcibly();
		}
	}

	@Test
	void startsDespiteALoopingGuideAndStopsOnSigtermWithinTheGracePeriod() throws Exception {
		RulesFolder rules = RulesFolder.copyInto(this.temp.resolve("rules"));
		append(rules.copyGuide("legacy-defaults", "loop-at-start"));
		int port = freePort();
		this.service = start(rules.dir(), port);

		await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofSeconds(1)).until(() -> healthy(port));
		JsonNode loop = health(port).at("/components/guides/details/loop-at-start");
		assertThat(loop.path("status").asString()).isEqualTo("not serving");
		assertThat(loop.path("problems").get(0).asString())
			.contains("did not finish within its " + TIME_LIMIT_SECONDS + " s of CPU time");

		append(rules.guide("legacy-defaults"));
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> this.service.descendants().findAny().isPresent());
		List<ProcessHandle> checks = this.service.descendants().toList();
		this.service.destroy();

		assertThat(this.service.waitFor(GRACE_SECONDS * 2, TimeUnit.SECONDS))
			.as("stopped within the grace period; log:%n%s", log())
			.isTrue();
		assertThat(checks).noneMatch(ProcessHandle::isAlive);
	}

	private Process start(Path rulesDir, int port) throws IOException {
		List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
				"-cp", System.getProperty("java.class.path"), "dev.loraguide.LoraGuideApplication",
				"--server.port=" + port, "--server.address=127.0.0.1", "--guides.dir=" + rulesDir,
				"--guides.scan-interval=100ms", "--guides.gate.time-limit=" + TIME_LIMIT_SECONDS + "s",
				"--guides.gate.heap=128MB", "--guides.admin-token=" + ADMIN_TOKEN,
				"--spring.lifecycle.timeout-per-shutdown-phase=" + GRACE_SECONDS + "s",
				"--spring.datasource.url=jdbc:h2:mem:gate-process");
		return new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(this.temp.resolve("service.log").toFile())
			.start();
	}

	private boolean healthy(int port) {
		assertThat(this.service.isAlive()).as("the service is running; log:%n%s", log()).isTrue();
		try {
			return health(port).path("status").asString().equals("UP");
		}
		catch (IOException ex) {
			return false;
		}
	}

	private JsonNode health(int port) throws IOException {
		return JSON.readTree(get(port, "/actuator/health"));
	}

	private String get(int port, String path) throws IOException {
		try {
			return this.http
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
					.header("Authorization", "Bearer " + ADMIN_TOKEN)
					.timeout(Duration.ofSeconds(5))
					.build(), HttpResponse.BodyHandlers.ofString())
				.body();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
	}

	private String log() {
		try {
			return Files.readString(this.temp.resolve("service.log"));
		}
		catch (IOException ex) {
			return ex.toString();
		}
	}

	private static void append(Path guide) {
		Path file = guide.resolve("defaults.drl");
		RulesFolder.write(file, RulesFolder.read(file) + LOOP);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
