package dev.loraguide.recommend;

import java.time.Duration;

import dev.loraguide.experiment.Assignment;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * {@code lora.recommendations} (a counter tagged by guide, preset, experiment and variant) and
 * {@code lora.guide.evaluation} (a timer of the rule evaluation alone, tagged by guide and preset).
 * Requests in no experiment carry {@code none} as experiment and variant.
 */
@Component
class RecommendationMetrics {

	static final String RECOMMENDATIONS = "lora.recommendations";

	static final String EVALUATION = "lora.guide.evaluation";

	private static final String NONE = "none";

	private final MeterRegistry registry;

	RecommendationMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	void recorded(String guide, String preset, Assignment assignment, Duration evaluation) {
		String presetTag = (preset != null) ? preset : NONE;
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
			.tag("experiment", (assignment != null) ? assignment.experimentId() : NONE)
			.tag("variant", (assignment != null) ? assignment.variant() : NONE)
			.register(this.registry)
			.increment();
	}

}
