package dev.loraguide;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

/**
 * The feature packages depend on each other one way only (recommend → experiment and
 * guide, experiment → guide, decisionlog → recommend and experiment, everyone → system),
 * and none reaches into another's internals: of a module's sub-packages only
 * {@code guide.fact}, a named interface, is open to the others.
 */
class ModularityTests {

	@Test
	void featurePackagesDependOneWayWithoutCycles() {
		ApplicationModules.of(LoraGuideApplication.class).verify();
	}

}
