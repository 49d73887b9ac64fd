package dev.loraguide.guide;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged jar, as an ML lead and a replica run it: {@code check --verdicts} keeps
 * the verdict under the key the service computes from the same jar (its build included),
 * so the service started on that folder serves the guide with no check of its own. Runs
 * in the integration-test phase because the jar exists only after {@code package}.
 */
class CheckVerdictsIT {

	private static final Path JAR = Path.of("target/lora-guide.jar").toAbsolutePath();

	private static final String GUIDE = "legacy-defaults";

	@TempDir
	Path temp;

	private Process service;

	@AfterEach
	void stop() throws InterruptedException {
		if (this.service != null) {
			this.service.descendants().forEach(ProcessHandle::destroyForcibly);
			this.service.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		}
	}

	@Test
	void verdictKeptByTheJarsCheckCommandIsServedByTheJarsServiceWithoutACheck() throws Exception {
		assertThat(JAR).as("written by package").exists();
		Path rules = Files.createDirectories(this.temp.resolve("rules"));
		Path guide = copy(RulesFolder.SHIPPED.resolve(GUIDE), rules.resolve(GUIDE));
		Path verdicts = this.temp.resolve("verdicts");

		Process check = java(
				List.of("-jar", JAR.toString(), "check", "--verdicts", verdicts.toString(), guide.toString()),
				"check.log");
		assertThat(check.waitFor(5, TimeUnit.MINUTES)).isTrue();
		assertThat(check.exitValue()).as(read("check.log")).isEqualTo(GuideCheck.PASSED);
		String revision = GuideSource.read(guide).revision();
		assertThat(read("check.log")).contains("revision " + revision, "  kept in " + verdicts);

		this.service = java(List.of("-Xmx512m", "-jar", JAR.toString(), "--server.address=127.0.0.1",
				"--server.port=" + freePort(), "--guides.dir=" + rules, "--guides.default=" + GUIDE,
				"--guides.gate.verdicts=" + verdicts, "--spring.datasource.url=jdbc:h2:mem:check-verdicts"),
				"service.log");
		String served = "Guide '" + GUIDE + "' revision " + revision + " passed its check before";
		await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200)).until(() -> {
			assertThat(this.service.isAlive()).as(read("service.log")).isTrue();
			return read("service.log").contains(served);
		});
		assertThat(read("service.log")).doesNotContain("waiting for its verdict");
	}

	private Process java(List<String> arguments, String log) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(arguments);
		return new ProcessBuilder(command).directory(this.temp.toFile())
			.redirectErrorStream(true)
			.redirectOutput(this.temp.resolve(log).toFile())
			.start();
	}

	private String read(String log) throws IOException {
		return Files.readString(this.temp.resolve(log), StandardCharsets.UTF_8);
	}

	private static Path copy(Path from, Path to) throws IOException {
		Files.createDirectories(to);
		try (Stream<Path> files = Files.list(from)) {
			for (Path file : files.toList()) {
				Files.copy(file, to.resolve(file.getFileName()));
			}
		}
		return to;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
