package dev.loraguide.guide;

import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The first load at start-up: the guides load in the background while the service is set
 * up, the start waits for them before it takes requests, and the curves wait until the
 * service is ready.
 */
@ExtendWith(OutputCaptureExtension.class)
class FirstGuideLoadTests {

	@TempDir
	Path temp;

	private RulesFolder rules;

	private GuideRegistry registry;

	@BeforeEach
	void startingRegistry() {
		this.rules = RulesFolder.copyInto(this.temp);
		this.registry = this.rules.registry();
	}

	@AfterEach
	void close() {
		this.registry.close();
	}

	@Test
	void guidesLoadedInTheBackgroundServeOnceAwaited() {
		this.registry.loadInBackground();

		this.registry.awaitFirstLoad();

		assertThat(this.registry.servingRevisions()).containsOnlyKeys("flux-lora", "legacy-defaults");
	}

	@Test
	void awaitingALoadThatLeftTheDefaultGuideBrokenSaysWhereToFixIt() {
		RulesFolder.replace(this.rules.guide("flux-lora").resolve("presets.drl"), "imageCount <= 30 )",
				"imageCount <= )");
		this.registry.loadInBackground();

		assertThatExceptionOfType(DefaultGuideUnavailableException.class)
			.isThrownBy(() -> this.registry.awaitFirstLoad())
			.satisfies((ex) -> assertThat(ex.getProblems())
				.anySatisfy((problem) -> assertThat(problem.file()).isEqualTo("presets.drl")));
		assertThat(this.registry.servingRevisions()).containsOnlyKeys("legacy-defaults");
	}

	@Test
	void curvesHeldBackAtStartAreWorkedOutOnceReleased(CapturedOutput output) {
		this.registry.holdCurvesAhead();
		this.registry.loadInBackground();
		this.registry.awaitFirstLoad();
		String workedOut = "Guide 'flux-lora' revision " + this.registry.require("flux-lora").revision()
				+ ": curves worked out";

		this.registry.releaseCurvesAhead();

		await().atMost(Duration.ofSeconds(30)).until(() -> output.getOut().contains(workedOut));
		this.registry.curves("flux-lora");
		assertThat(output.getOut().split(Pattern.quote(workedOut), -1)).hasSize(2);
	}

}
