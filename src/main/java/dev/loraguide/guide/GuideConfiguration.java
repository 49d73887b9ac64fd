package dev.loraguide.guide;

import java.time.Clock;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires guide loading and loads every guide before the service takes requests. */
@Configuration(proxyBeanMethods = false)
class GuideConfiguration {

	@Bean
	GuideLoader guideLoader(GuidesProperties properties) {
		return new GuideLoader(new GuideCompiler(properties.maxRuleFirings()));
	}

	@Bean
	GuideRegistry guideRegistry(GuidesProperties properties, GuideLoader guideLoader) {
		GuideRegistry registry = new GuideRegistry(properties.dir(), properties.defaultGuide(), guideLoader,
				Clock.systemUTC());
		registry.reload();
		GuideState defaultGuide = registry.states().stream()
			.filter((state) -> state.id().equals(properties.defaultGuide()))
			.findFirst()
			.orElse(null);
		if (defaultGuide == null || !defaultGuide.isServing()) {
			throw new DefaultGuideUnavailableException(properties.dir(), properties.defaultGuide(),
					(defaultGuide != null) ? defaultGuide.problems() : List.of());
		}
		return registry;
	}

}
