package dev.loraguide;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Real starts that fail: each says what is wrong in one sentence and what to do, in
 * Spring Boot's "APPLICATION FAILED TO START" report, instead of "Application run failed"
 * and a stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureTests {

	@TempDir
	private Path dir;

	@Test
	void aMissingGuidesFolderIsNamedWithTheSettingToFix(CapturedOutput output) {
		Path missing = this.dir.resolve("no-such-rules");

		start("--guides.dir=" + missing);

		assertReport(output, "The guides folder " + missing.toAbsolutePath() + " (setting guides.dir) does not exist.",
				"set GUIDES_DIR");
	}

	@Test
	void aDatabaseFileHeldByAnotherProcessIsSaidToBeInUse(CapturedOutput output) throws Exception {
		String url = "jdbc:h2:file:" + this.dir.resolve("held");
		Process holder = holdH2Database(url);
		try {
			start("--spring.datasource.url=" + url, "--spring.flyway.connect-retries=0");
		}
		finally {
			holder.getOutputStream().close();
			holder.destroy();
			holder.waitFor(10, TimeUnit.SECONDS);
		}

		assertReport(output, "The decision-log database " + url + " is in use by another process",
				"set SPRING_DATASOURCE_URL");
	}

	@Test
	void anUnreachableDatabaseIsTriedAgainThenNamed(CapturedOutput output) {
		String url = "jdbc:postgresql://127.0.0.1:" + closedPort() + "/loraguide";

		start("--spring.datasource.url=" + url, "--spring.flyway.connect-retries=1");

		assertReport(output, "The decision-log database " + url + " could not be reached in 2 attempts",
				"correct SPRING_DATASOURCE_URL");
	}

	@Test
	void aSettingOfTheWrongKindIsNamedWithWhatToWrite(CapturedOutput output) {
		start("--guides.scan-interval=fast");

		assertReport(output, "The setting guides.scan-interval is 'fast'",
				"Set guides.scan-interval (environment GUIDES_SCANINTERVAL) to a duration such as 250ms");
	}

	private static void start(String... arguments) {
		String[] all = new String[arguments.length + 1];
		all[0] = "--server.port=0";
		System.arraycopy(arguments, 0, all, 1, arguments.length);
		assertThatException().isThrownBy(() -> new SpringApplicationBuilder(LoraGuideApplication.class).run(all));
	}

	private static void assertReport(CapturedOutput output, String description, String action) {
		assertThat(output.getOut()).contains("APPLICATION FAILED TO START")
			.contains(description)
			.contains(action)
			.doesNotContain("Application run failed");
	}

	/**
	 * Another JVM with the database open, as a second service started in the same folder
	 * would have it: H2's shell, waiting on its input.
	 */
	private static Process holdH2Database(String url) throws IOException, InterruptedException {
		String h2 = Path.of(org.h2.Driver.class.getProtectionDomain().getCodeSource().getLocation().getPath())
			.toString();
		Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				h2, "org.h2.tools.Shell", "-url", url, "-user", "sa")
			.redirectErrorStream(true)
			.start();
		// The shell prints its prompt once it has opened the database.
		holder.getInputStream().read();
		return holder;
	}

	private static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
