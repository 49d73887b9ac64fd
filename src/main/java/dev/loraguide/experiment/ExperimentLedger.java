package dev.loraguide.experiment;

import java.util.List;

/**
 * What was decided and how it went, as far as the results of an experiment need it.
 * Declared here and implemented by whoever records decisions, so experiments do not
 * depend on how that is done. Actors forced into a variant are left out of both answers.
 */
public interface ExperimentLedger {

	/**
	 * Per variant, how many actors the hash assigned to it and how many recommendations
	 * they got.
	 */
	List<VariantExposure> exposures(String experimentId);

	/**
	 * Per variant and metric, a summary of the outcomes posted for the variant's
	 * recommendations.
	 */
	List<MetricSummary> outcomes(String experimentId);

	/**
	 * How many were exposed to one variant.
	 *
	 * @param variant variant name
	 * @param actors distinct actors the hash assigned to it
	 * @param recommendations recommendations made to them in this variant
	 */
	record VariantExposure(String variant, long actors, long recommendations) {
	}

	/**
	 * The outcomes of one metric in one variant.
	 *
	 * @param variant variant name
	 * @param metric metric name
	 * @param count number of outcomes
	 * @param mean their mean
	 * @param variance their sample variance (n - 1 in the denominator), null when count
	 * is below 2
	 */
	record MetricSummary(String variant, String metric, long count, double mean, Double variance) {
	}

}
