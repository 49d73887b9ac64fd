package dev.loraguide.guide;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires guide loading, loads every guide before the service takes requests (beside the
 * rest of the start, see {@link FirstGuideLoad}), and follows the folder.
 */
@Configuration(proxyBeanMethods = false)
class GuideConfiguration {

	@Bean
	GuideGate guideGate(GuidesProperties properties) {
		PassedVerdicts passed = new PassedVerdicts(properties.gate(), properties.maxRuleFirings(),
				CheckerBuild::ofThisProcess);
		return new GuideGate(properties.gate(), properties.maxRuleFirings(), CheckCommandLine.ofThisProcess(), passed);
	}

	@Bean
	GuideLoader guideLoader(GuidesProperties properties, GuideGate gate) {
		return new GuideLoader(new GuideCompiler(properties.maxRuleFirings()), gate, properties.gate().p99Budget());
	}

	@Bean
	GuideReloadMetrics guideReloadMetrics(MeterRegistry meterRegistry) {
		return new GuideReloadMetrics(meterRegistry);
	}

	@Bean
	GuideRegistry guideRegistry(GuidesProperties properties, GuideLoader guideLoader, GuideReloadMetrics metrics) {
		if (!Files.isDirectory(properties.dir())) {
			throw new GuidesFolderMissingException(properties.dir());
		}
		GuideRegistry registry = new GuideRegistry(properties.dir(), properties.defaultGuide(), guideLoader,
				Clock.systemUTC(), properties.retireAfter(), metrics, properties.gate().maxFileSize());
		registry.holdCurvesAhead();
		registry.loadInBackground();
		return registry;
	}

	@Bean
	FirstGuideLoad firstGuideLoad(GuideRegistry registry, ApplicationEventPublisher events) {
		return new FirstGuideLoad(registry, events);
	}

	/**
	 * The guides' curves once the service is ready: before, they would slow its start.
	 */
	@Bean
	ApplicationListener<ApplicationReadyEvent> curvesOnceReady(GuideRegistry registry) {
		return (ready) -> registry.releaseCurvesAhead();
	}

	@Bean
	GuideWatcher guideWatcher(GuideRegistry registry, ApplicationEventPublisher events, GuidesProperties properties,
			GuideGate gate) {
		// A reload is at most a wait for another replica's check and a check of its own,
		// each bounded by the gate, then a compile here.
		Duration stuckCheck = gate.longestCheck().multipliedBy(2).plusSeconds(30);
		return new GuideWatcher(registry, events, properties.scanInterval(), stuckCheck);
	}

}
