package dev.loraguide.guide;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.loraguide.ApiClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.annotation.DirtiesContext.ClassMode;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The ML lead's edit flow exactly as {@code rules/README.md} documents it, on a git
 * repository holding a copy of the shipped guides that a running service serves: edit a
 * DRL number, {@code diff} the folder with the service to see what moves, {@code check
 * --accept} to take the change into the cases, and the edit goes live, with the swap's
 * changed ranges in the guide's details and in the log; then commit.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "guides.scan-interval=100ms")
@DirtiesContext(classMode = ClassMode.AFTER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class EditFlowTests {

	private static final Duration DEADLINE = Duration.ofSeconds(30);

	@TempDir
	static Path repository;

	private static RulesFolder rules;

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void rulesRepository(DynamicPropertyRegistry properties) {
		rules = RulesFolder.copyInto(repository.resolve("rules"));
		git("init", "-q");
		git("add", "rules");
		git("commit", "-q", "-m", "Shipped guides");
		properties.add("guides.dir", () -> rules.dir().toString());
	}

	@Test
	void documentedEditGoesLive(CapturedOutput log) {
		ApiClient api = new ApiClient(this.port);
		Path guide = rules.guide("flux-lora");
		String served = api.get("/api/v1/guides/flux-lora").json().path("revision").asString();

		// 1. Edit a DRL number: the service refuses it, the cases still pin the old
		// value.
		RulesFolder.replace(guide.resolve("presets.drl"), "setMaxTrainSteps( 2000 ), setLearningRate( 0.00025 )",
				"setMaxTrainSteps( 2000 ), setLearningRate( 0.0002 )");
		await().atMost(DEADLINE)
			.until(() -> "refused".equals(api.get("/api/v1/guides/flux-lora").json().path("status").asString()));
		assertThat(api.get("/api/v1/guides/flux-lora").json().path("problems").get(0).path("file").asString())
			.isEqualTo("cases.yaml");

		// 2. diff: the service's guide against the edited folder.
		Output diff = new Output();
		int diffStatus = GuideDiffCommand.diff("http://127.0.0.1:" + this.port + "/api/v1/guides/flux-lora",
				guide.toString(), GuideDiffCommand.Format.text, diff.out(), diff.err());
		assertThat(diffStatus).isEqualTo(GuideDiffCommand.DIFFERENT);
		assertThat(diff.stdout()).contains("16–30: learningRate 0.00025 → 0.0002\n");

		// 3. check --accept: the cases the edit changed take the new value, then the
		// check
		// passes.
		Output check = new Output();
		assertThat(GuideCheck.accept(guide, null, check.out(), check.err())).isEqualTo(GuideCheck.PASSED);
		assertThat(GuideCheck.check(guide, check.out(), check.err())).isEqualTo(GuideCheck.PASSED);
		assertThat(check.stdout()).contains("learningRate 0.00025 → 0.0002").contains("4 cases rewritten");

		// 4. The service takes the edit live and, just after, says what changed.
		JsonNode details = await().atMost(DEADLINE)
			.until(() -> api.get("/api/v1/guides/flux-lora").json(), EditFlowTests::servingWithItsChangeRecorded);
		assertThat(details.path("lastChange").path("diff").path("before").path("revision").asString())
			.isEqualTo(served);
		assertThat(details.path("lastChange").path("diff").path("ranges").get(0).path("text").asString())
			.isEqualTo("16–30: learningRate 0.00025 → 0.0002");
		assertThat(
				api.postJson("/api/v1/recommendations", "{\"dataset\": {\"imageCount\": 23}, \"guide\": \"flux-lora\"}")
					.json()
					.path("parameters")
					.path("learningRate")
					.asDouble())
			.isEqualTo(0.0002);
		assertThat(log.getOut())
			.contains("replaces " + served + ": answers change for 16–30: learningRate 0.00025 → 0.0002");

		// 5. Commit.
		git("commit", "-q", "-am", "Gentler preset B");
		assertThat(git("status", "--porcelain")).isEmpty();
	}

	@Test
	void swapThatChangesNoAnswerSaysSo(CapturedOutput log) {
		ApiClient api = new ApiClient(this.port);
		String served = api.get("/api/v1/guides/legacy-defaults").json().path("revision").asString();

		RulesFolder.replace(rules.guide("legacy-defaults").resolve("defaults.drl"), "\nrule ", "\n// reworded\nrule ");

		JsonNode change = await().atMost(DEADLINE)
			.until(() -> api.get("/api/v1/guides/legacy-defaults").json(),
					(details) -> !served.equals(details.path("revision").asString())
							&& servingWithItsChangeRecorded(details))
			.path("lastChange")
			.path("diff");
		assertThat(change.path("identical").asBoolean()).isTrue();
		assertThat(change.path("ranges")).isEmpty();
		assertThat(log.getOut()).contains("replaces " + served + ": no answer changes");
		assertThat(api.get("/api/v1/guides/legacy-defaults/curves?revision=" + served).status()).isEqualTo(200);
	}

	@Test
	void diffEndpointComparesTwoLoadedGuides() {
		ApiClient api = new ApiClient(this.port);

		ApiClient.Reply diff = api.get("/api/v1/guides/flux-lora/diff?against=legacy-defaults");

		assertThat(diff.status()).isEqualTo(200);
		assertThat(diff.json().path("before").path("id").asString()).isEqualTo("legacy-defaults");
		assertThat(diff.json().path("ranges").get(0).path("text").asString()).startsWith("1–15: preset legacy → A;");
		ApiClient.Reply unknown = api.get("/api/v1/guides/flux-lora/diff?against=nope");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.json().path("code").asString()).isEqualTo("unknown_guide");
		assertThat(api.get("/api/v1/guides/flux-lora/diff").status()).isEqualTo(400);
		assertThat(api.get("/api/v1/guides/flux-lora/curves?revision=0000").json().path("code").asString())
			.isEqualTo("unknown_revision");
	}

	/**
	 * A guide's details once its serving revision's change is recorded, which follows the
	 * swap.
	 */
	private static boolean servingWithItsChangeRecorded(JsonNode details) {
		return "serving".equals(details.path("status").asString()) && details.path("revision")
			.asString()
			.equals(details.path("lastChange").path("diff").path("after").path("revision").asString());
	}

	private static String git(String... arguments) {
		List<String> command = new ArrayList<>(List.of("git", "-C", repository.toString(), "-c", "user.name=ML lead",
				"-c", "user.email=lead@example.com", "-c", "commit.gpgsign=false"));
		command.addAll(List.of(arguments));
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(process.waitFor()).as("git %s: %s", String.join(" ", arguments), output).isZero();
			return output;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A command's stdout and stderr, captured. */
	private static final class Output {

		private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

		private final StringWriter errors = new StringWriter();

		PrintStream out() {
			return new PrintStream(this.bytes, true, StandardCharsets.UTF_8);
		}

		PrintWriter err() {
			return new PrintWriter(this.errors, true);
		}

		String stdout() {
			return this.bytes.toString(StandardCharsets.UTF_8) + this.errors;
		}

	}

}
