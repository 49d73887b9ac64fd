package dev.loraguide.recommend;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * {@code lora.recommendations} (a counter) and {@code lora.guide.evaluation} (a timer of the rule
 * evaluation alone), both tagged by guide and preset.
 */
@Component
class RecommendationMetrics {

	static final String RECOMMENDATIONS = "lora.recommendations";

	static final String EVALUATION = "lora.guide.evaluation";

	private static final String NO_PRESET = "none";

	private final MeterRegistry registry;

	RecommendationMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	void recorded(String guide, String preset, Duration evaluation) {
		String presetTag = (preset != null) ? preset : NO_PRESET;
		Timer.builder(EVALUATION)
			.description("Time spent evaluating a guide's rules for one recommendation")
			.tag("guide", guide)
			.tag("preset", presetTag)
			.publishPercentileHistogram()
			.register(this.registry)
			.record(evaluation);
		Counter.builder(RECOMMENDATIONS)
			.description("Recommendations answered")
			.tag("guide", guide)
			.tag("preset", presetTag)
			.register(this.registry)
			.increment();
	}

}
