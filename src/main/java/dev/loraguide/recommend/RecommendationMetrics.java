package dev.loraguide.recommend;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.loraguide.experiment.Assignment;
import dev.loraguide.guide.GuideRegistry;
import dev.loraguide.guide.GuideState;
import dev.loraguide.guide.GuidesReady;
import dev.loraguide.guide.PresetRow;
import dev.loraguide.guide.RulesFolderChanged;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * {@code lora.recommendations} (a counter tagged by guide, preset, experiment and
 * variant) and {@code lora.guide.evaluation} (a timer of the rule evaluation alone,
 * tagged by guide and preset). Requests in no experiment carry {@code none} as experiment
 * and variant. The meters of every serving guide's presets outside experiments exist from
 * the moment the guide serves, so dashboards show zeros, not gaps, before the first
 * answer. {@code lora.recommendations.refused} counts the requests of batches that got a
 * problem instead of a recommendation, by problem code (a refused single request is
 * counted by {@code http.server.requests} with its status).
 */
@Component
class RecommendationMetrics {

	static final String RECOMMENDATIONS = "lora.recommendations";

	static final String EVALUATION = "lora.guide.evaluation";

	static final String REFUSED = "lora.recommendations.refused";

	private static final String NONE = "none";

	private final MeterRegistry registry;

	/**
	 * Meters by tag values, so that a request looks its meters up once instead of
	 * building them.
	 */
	private final Map<MeterKey, Meters> meters = new ConcurrentHashMap<>();

	private final Map<String, Counter> refused = new ConcurrentHashMap<>();

	private final GuideRegistry guides;

	RecommendationMetrics(MeterRegistry registry, GuideRegistry guides) {
		this.registry = registry;
		this.guides = guides;
	}

	@EventListener({ GuidesReady.class, RulesFolderChanged.class })
	void registerServingPresets() {
		for (GuideState state : this.guides.states()) {
			if (state.isServing()) {
				for (PresetRow row : state.active().presetTable().rows()) {
					this.meters.computeIfAbsent(new MeterKey(state.id(), row.preset(), NONE, NONE), this::register);
				}
			}
		}
	}

	void recorded(String guide, String preset, Assignment assignment, Duration evaluation) {
		MeterKey key = new MeterKey(guide, (preset != null) ? preset : NONE,
				(assignment != null) ? assignment.experimentId() : NONE,
				(assignment != null) ? assignment.variant() : NONE);
		Meters forKey = this.meters.computeIfAbsent(key, this::register);
		forKey.evaluation().record(evaluation);
		forKey.recommendations().increment();
	}

	void refused(String code) {
		this.refused
			.computeIfAbsent(code,
					(tag) -> Counter.builder(REFUSED)
						.description("Requests of batches refused with a problem instead of a recommendation")
						.tag("code", tag)
						.register(this.registry))
			.increment();
	}

	private Meters register(MeterKey key) {
		Timer evaluation = Timer.builder(EVALUATION)
			.description("Time spent evaluating a guide's rules for one recommendation")
			.tag("guide", key.guide())
			.tag("preset", key.preset())
			.publishPercentileHistogram()
			.register(this.registry);
		Counter recommendations = Counter.builder(RECOMMENDATIONS)
			.description("Recommendations answered")
			.tag("guide", key.guide())
			.tag("preset", key.preset())
			.tag("experiment", key.experiment())
			.tag("variant", key.variant())
			.register(this.registry);
		return new Meters(evaluation, recommendations);
	}

	private record MeterKey(String guide, String preset, String experiment, String variant) {
	}

	private record Meters(Timer evaluation, Counter recommendations) {
	}

}
