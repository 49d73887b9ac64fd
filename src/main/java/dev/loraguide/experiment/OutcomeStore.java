package dev.loraguide.experiment;

import java.util.UUID;

/**
 * Stores how a training went. Declared here and implemented by whoever records decisions,
 * because an outcome belongs to a recorded recommendation.
 */
public interface OutcomeStore {

	/**
	 * Records one metric of a recommendation's outcome, replacing an earlier value of the
	 * same metric.
	 * @param recommendationId the recommendation the training followed
	 * @param metric metric name
	 * @param value metric value, a finite number
	 * @return what happened
	 */
	Result record(UUID recommendationId, String metric, double value);

	/** What recording an outcome did. */
	enum Result {

		/** The metric had no value for this recommendation before. */
		CREATED,

		/** The metric's earlier value was replaced. */
		REPLACED,

		/** The service never made this recommendation. */
		UNKNOWN_RECOMMENDATION,

		/**
		 * The service made it but could not record it (the decision log was full), so it
		 * takes no outcomes.
		 */
		NOT_RECORDED

	}

}
