package dev.loraguide.guide;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.loraguide.LoraGuideApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Start-up stops when the default guide does not load, saying which file and line to fix.
 */
class BrokenDefaultGuideTests {

	@TempDir
	Path rules;

	@Test
	void brokenDefaultGuideStopsStartUpWithItsProblems() {
		Path guide = RulesFolder.copyInto(this.rules).guide("flux-lora");
		RulesFolder.replace(guide.resolve("presets.drl"), "imageCount <= 30 )", "imageCount <= )");

		assertThatException()
			.isThrownBy(() -> new SpringApplicationBuilder(LoraGuideApplication.class)
				.run("--guides.dir=" + this.rules, "--server.port=0")
				.close())
			.havingRootCause()
			.isInstanceOfSatisfying(DefaultGuideUnavailableException.class, (ex) -> {
				assertThat(ex.getGuideId()).isEqualTo("flux-lora");
				assertThat(ex.getProblems()).anySatisfy((problem) -> {
					assertThat(problem.file()).isEqualTo("presets.drl");
					assertThat(problem.line()).isEqualTo(24);
				});
			});
	}

}
