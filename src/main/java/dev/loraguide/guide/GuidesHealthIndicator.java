package dev.loraguide.guide;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * The {@code guides} health component: each guide with the revision it serves and, when
 * its newest files were refused, the refused revision and the reasons. Down only while
 * the default guide is not serving, because then requests that name no guide fail.
 */
@Component("guides")
class GuidesHealthIndicator extends AbstractHealthIndicator {

	private final GuideRegistry registry;

	GuidesHealthIndicator(GuideRegistry registry) {
		this.registry = registry;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		boolean defaultServing = false;
		for (GuideState state : this.registry.states()) {
			builder.withDetail(state.id(), details(state));
			defaultServing |= state.id().equals(this.registry.defaultGuideId()) && state.isServing();
		}
		builder.withDetail("default", this.registry.defaultGuideId());
		if (defaultServing) {
			builder.up();
		}
		else {
			builder.down();
		}
	}

	private static Map<String, Object> details(GuideState state) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("status", state.isServing() ? "serving" : "not serving");
		if (state.isServing()) {
			details.put("revision", state.active().revision());
			details.put("activatedAt", state.activatedAt().toString());
		}
		if (state.refusedRevision() != null) {
			details.put("refusedRevision", state.refusedRevision());
			details.put("problems", state.problems().stream().map(GuideProblem::toString).toList());
		}
		return details;
	}

}
