package dev.loraguide;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

/**
 * The feature packages depend on each other one way only (recommend → guide, everyone →
 * system), and none reaches into another's internals.
 */
class ModularityTests {

	@Test
	void featurePackagesDependOneWayWithoutCycles() {
		ApplicationModules.of(LoraGuideApplication.class).verify();
	}

}
