package dev.loraguide.experiment;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * The {@code experiments} health component. Always up: without experiments every request
 * gets its plain guide, which is a safe way to serve. The details say which revision of
 * the file serves, why a newer one was refused, and which experiments are suspended.
 */
@Component("experiments")
class ExperimentsHealthIndicator extends AbstractHealthIndicator {

	private final ExperimentRegistry registry;

	ExperimentsHealthIndicator(ExperimentRegistry registry) {
		this.registry = registry;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		ExperimentsOverview overview = ExperimentsOverview.of(this.registry.current());
		builder.up()
			.withDetail("file", overview.file())
			.withDetail("revision", overview.revision())
			.withDetail("status", overview.status());
		if (overview.refusedRevision() != null) {
			builder.withDetail("refusedRevision", overview.refusedRevision())
				.withDetail("problems", overview.problems().stream().map(ExperimentProblem::toString).toList());
		}
		Map<String, String> experiments = new LinkedHashMap<>();
		overview.experiments().forEach((experiment) -> experiments.put(experiment.id(), experiment.status()));
		builder.withDetail("experiments", experiments);
	}

}
