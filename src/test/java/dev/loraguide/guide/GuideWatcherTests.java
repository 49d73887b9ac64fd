package dev.loraguide.guide;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The watcher on a real folder, with scans far apart: what it picks up before the next
 * scan, it picked up on the file system's events.
 */
class GuideWatcherTests {

	private static final Duration NO_SCAN_DURING_THE_TEST = Duration.ofHours(1);

	@TempDir
	Path temp;

	private RulesFolder rules;

	private GuideRegistry registry;

	private GuideWatcher watcher;

	@BeforeEach
	void watchShippedGuides() {
		this.rules = RulesFolder.copyInto(this.temp);
		this.registry = this.rules.registry();
		this.registry.reload();
		this.watcher = new GuideWatcher(this.registry, (event) -> {
		}, NO_SCAN_DURING_THE_TEST, Duration.ofMinutes(5));
		this.watcher.start();
	}

	@AfterEach
	void stop() {
		this.watcher.stop();
		this.registry.close();
	}

	@Test
	void editRenamedIntoPlaceIsPickedUpOnItsFileEvents() throws IOException {
		String before = this.registry.require("flux-lora").revision();
		Path presets = this.rules.guide("flux-lora").resolve("presets.drl");
		Path hidden = presets.resolveSibling(".presets.drl.new");
		RulesFolder.write(hidden, RulesFolder.read(presets).replaceFirst("(?m)^//.*$", "// Renamed into place."));

		Files.move(hidden, presets, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);

		await().atMost(Duration.ofSeconds(60))
			.until(() -> !before.equals(this.registry.require("flux-lora").revision()));
		assertThat(this.registry.require("flux-lora").revision())
			.isEqualTo(GuideSource.read(presets.getParent()).revision());
	}

}
