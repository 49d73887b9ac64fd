package dev.loraguide.experiment;

import java.nio.file.Path;

import dev.loraguide.guide.GuideRegistry;
import dev.loraguide.guide.GuidesProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the experiments: the file is read while the guides load and goes live once they
 * are ready, before the service takes requests.
 */
@Configuration(proxyBeanMethods = false)
class ExperimentsConfiguration {

	static final String DEFAULT_FILE_NAME = "experiments.yaml";

	@Bean
	ExperimentRegistry experimentRegistry(ExperimentsProperties properties, GuidesProperties guidesProperties,
			GuideRegistry guides) {
		Path file = (properties.file() != null) ? properties.file() : guidesProperties.dir().resolve(DEFAULT_FILE_NAME);
		ExperimentRegistry registry = new ExperimentRegistry(file, guides);
		registry.readAhead();
		return registry;
	}

	@Bean
	ExperimentAssigner experimentAssigner(ExperimentRegistry experiments, GuideRegistry guides) {
		return new ExperimentAssigner(experiments, guides);
	}

}
