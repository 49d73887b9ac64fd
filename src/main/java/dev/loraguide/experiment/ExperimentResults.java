package dev.loraguide.experiment;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.loraguide.experiment.ExperimentLedger.MetricSummary;
import dev.loraguide.experiment.ExperimentLedger.VariantExposure;

/**
 * {@code GET /api/v1/experiments/{id}/results}: each variant's exposure and outcomes,
 * each variant against the control (the first variant), and the sample-ratio check.
 * Actors forced into a variant are not counted.
 *
 * @param experiment experiment id
 * @param status experiment status in the serving experiments file
 * @param variants one entry per variant, the control first
 * @param sampleRatio whether the hash split actors as the weights say
 */
record ExperimentResults(String experiment, String status, List<VariantResults> variants,
		SampleRatioCheck sampleRatio) {

	static ExperimentResults of(Experiment experiment, List<VariantExposure> exposures, List<MetricSummary> outcomes) {
		Map<String, VariantExposure> exposureByVariant = new LinkedHashMap<>();
		exposures.forEach((exposure) -> exposureByVariant.put(exposure.variant(), exposure));
		Map<String, Map<String, MetricSummary>> outcomesByVariant = new LinkedHashMap<>();
		outcomes.forEach((summary) -> outcomesByVariant.computeIfAbsent(summary.variant(), (v) -> new TreeMap<>())
			.put(summary.metric(), summary));
		Map<String, MetricSummary> control = outcomesByVariant.getOrDefault(experiment.control().name(), Map.of());
		List<VariantResults> variants = experiment.variants()
			.stream()
			.map((variant) -> VariantResults.of(variant, exposureByVariant.get(variant.name()),
					outcomesByVariant.getOrDefault(variant.name(), Map.of()),
					variant.equals(experiment.control()) ? null : control))
			.toList();
		SampleRatioCheck sampleRatio = SampleRatioCheck.of(experiment.variants().stream().map(Variant::weight).toList(),
				variants.stream().map(VariantResults::assignments).toList());
		return new ExperimentResults(experiment.id(), experiment.status().toString(), variants, sampleRatio);
	}

	/**
	 * One variant.
	 *
	 * @param name variant name
	 * @param guide the guide it serves
	 * @param weight its weight in percent
	 * @param assignments distinct actors the hash assigned to it
	 * @param recommendations recommendations made to them in it
	 * @param metrics per metric, statistics of the outcomes posted for its
	 * recommendations
	 * @param comparedWithControl per metric, this variant against the control; null for
	 * the control
	 */
	record VariantResults(String name, String guide, double weight, long assignments, long recommendations,
			Map<String, MetricStatistics> metrics,
			@Schema(nullable = true) Map<String, Comparison> comparedWithControl) {

		static VariantResults of(Variant variant, VariantExposure exposure, Map<String, MetricSummary> outcomes,
				Map<String, MetricSummary> control) {
			Map<String, MetricStatistics> metrics = new LinkedHashMap<>();
			outcomes.forEach((metric, summary) -> metrics.put(metric, MetricStatistics.of(summary)));
			Map<String, Comparison> compared = null;
			if (control != null) {
				compared = new LinkedHashMap<>();
				for (Map.Entry<String, MetricSummary> entry : outcomes.entrySet()) {
					MetricSummary controlSummary = control.get(entry.getKey());
					if (controlSummary != null) {
						compared.put(entry.getKey(), Comparison.of(entry.getValue(), controlSummary));
					}
				}
			}
			return new VariantResults(variant.name(), variant.guide(), variant.weight(),
					(exposure != null) ? exposure.actors() : 0, (exposure != null) ? exposure.recommendations() : 0,
					metrics, compared);
		}

	}

}
