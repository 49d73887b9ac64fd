package dev.loraguide.decisionlog;

/** When a recommendation may be answered, relative to its decision-log row. */
enum Durability {

	/**
	 * After its row is committed (group commit: one commit per batch). A crash loses no
	 * answered decision; a database that is down or too slow gets callers a 503.
	 */
	ACKNOWLEDGED,

	/**
	 * At once, the row written shortly after. A crash loses what is still queued, at most
	 * {@code queue-capacity} plus one batch.
	 */
	ASYNC

}
