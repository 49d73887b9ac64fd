package dev.loraguide.guide;

import dev.loraguide.guide.fact.ActorDataset;
import dev.loraguide.guide.fact.ParameterOverrides;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Warming the compiler once the service is ready: builds thrown away, nothing served
 * touched.
 */
@ExtendWith(OutputCaptureExtension.class)
class CompilerWarmUpTests {

	@TempDir
	Path temp;

	private GuideRegistry registry;

	private GuideLoader loader;

	@BeforeEach
	void loadShippedGuides() {
		RulesFolder.copyInto(this.temp);
		this.loader = new GuideLoader(new GuideCompiler(1000));
		this.registry = new GuideRegistry(this.temp, "flux-lora", this.loader, Clock.systemUTC(), Duration.ZERO,
				(reloads, serving, took) -> {
				});
		this.registry.reload();
	}

	@AfterEach
	void close() {
		this.registry.close();
	}

	@Test
	void warmUpCompilesEveryServingGuideAndLeavesWhatServesUntouched(CapturedOutput output) {
		Map<String, String> serving = this.registry.servingRevisions();

		new CompilerWarmUp(this.registry, this.loader).run();

		assertThat(output.getOut())
			.contains("Guide 'flux-lora' revision " + serving.get("flux-lora") + " compiled " + CompilerWarmUp.COMPILES
					+ " more times to warm the compiler")
			.contains("Guide 'legacy-defaults' revision " + serving.get("legacy-defaults") + " compiled");
		assertThat(this.registry.servingRevisions()).isEqualTo(serving);
		assertThat(this.registry.defaultGuide()
			.evaluate(ActorDataset.ofImages(20), ParameterOverrides.NONE)
			.parameters()
			.learningRate()).isEqualTo(0.00025);
	}

}
