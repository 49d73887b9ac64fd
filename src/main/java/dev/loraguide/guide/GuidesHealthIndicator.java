package dev.loraguide.guide;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * The {@code guides} health component: each guide with the revision it serves and, when
 * its newest files were refused, the refused revision and the reasons. Down while the
 * default guide is not serving, because then requests that name no guide fail, and while
 * the watcher has stalled, because then no edit goes live; {@code reason} says which.
 */
@Component("guides")
class GuidesHealthIndicator extends AbstractHealthIndicator {

	private final GuideRegistry registry;

	private final GuideWatcher watcher;

	GuidesHealthIndicator(GuideRegistry registry, GuideWatcher watcher) {
		this.registry = registry;
		this.watcher = watcher;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		boolean defaultServing = false;
		for (GuideState state : this.registry.states()) {
			builder.withDetail(state.id(), details(state));
			defaultServing |= state.id().equals(this.registry.defaultGuideId()) && state.isServing();
		}
		builder.withDetail("default", this.registry.defaultGuideId());
		Map<String, Duration> reloading = this.watcher.reloading();
		if (!reloading.isEmpty()) {
			Map<String, String> since = new LinkedHashMap<>();
			reloading.forEach((guide, running) -> since.put(guide, "checking for " + running.toSeconds() + " s"));
			builder.withDetail("reloading", since);
		}
		Optional<String> stalled = this.watcher.stalled();
		if (!defaultServing) {
			builder.down()
				.withDetail("reason", "the default guide '" + this.registry.defaultGuideId() + "' is not serving");
		}
		else if (stalled.isPresent()) {
			builder.down().withDetail("reason", stalled.get());
		}
		else {
			builder.up();
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
