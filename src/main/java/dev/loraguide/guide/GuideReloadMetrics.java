package dev.loraguide.guide;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

/**
 * {@code lora.guide.reloads}, a counter of reload outcomes by guide,
 * {@code lora.guide.revision}, a gauge of 1 for each guide's serving revision, and
 * {@code lora.guide.reload.duration}, the time of each reload that rebuilt something. The
 * revision's series is replaced on a swap, so a dashboard shows exactly one revision per
 * guide.
 */
class GuideReloadMetrics implements ReloadListener {

	static final String RELOADS = "lora.guide.reloads";

	static final String REVISION = "lora.guide.revision";

	static final String DURATION = "lora.guide.reload.duration";

	private final MeterRegistry registry;

	private final MultiGauge revisions;

	private final Timer rebuilds;

	GuideReloadMetrics(MeterRegistry registry) {
		this.registry = registry;
		this.revisions = MultiGauge.builder(REVISION)
			.description("1 for the revision each guide serves")
			.register(registry);
		this.rebuilds = Timer.builder(DURATION)
			.description(
					"Time a reload took that rebuilt at least one guide: read, guardrails, compile, scan, cases, swap")
			.register(registry);
	}

	@Override
	public void reloaded(List<GuideReload> reloads, Map<String, String> servingRevisions, Duration took) {
		if (reloads.stream().anyMatch((reload) -> reload.outcome() != ReloadOutcome.UNCHANGED)) {
			this.rebuilds.record(took);
		}
		reloads.stream()
			.filter((reload) -> reload.outcome() != ReloadOutcome.UNCHANGED)
			.forEach((reload) -> Counter.builder(RELOADS)
				.description("Guide reloads by outcome: activated, refused or removed")
				.tag("guide", reload.guide())
				.tag("outcome", reload.outcome().tag())
				.register(this.registry)
				.increment());
		this.revisions.register(servingRevisions.entrySet()
			.stream()
			.map((serving) -> MultiGauge.Row.of(Tags.of("guide", serving.getKey(), "revision", serving.getValue()), 1))
			.toList(), true);
	}

}
