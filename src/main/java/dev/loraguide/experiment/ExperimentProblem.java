package dev.loraguide.experiment;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Why the experiments file, or one experiment in it, cannot be used.
 *
 * @param experiment id of the experiment at fault, null when the problem is with the file
 * as a whole
 * @param field path of the field at fault inside the experiment (or the file), such as
 * {@code variants[1].weight}; null when no single field is to blame
 * @param message what is wrong
 */
record ExperimentProblem(@Schema(nullable = true) String experiment, @Schema(nullable = true) String field,
		String message) {

	static ExperimentProblem ofFile(String field, String message) {
		return new ExperimentProblem(null, field, message);
	}

	@Override
	public String toString() {
		String where = (this.experiment != null) ? "experiment '" + this.experiment + "'" : "";
		if (this.field != null) {
			where = where.isEmpty() ? this.field : where + " " + this.field;
		}
		return where.isEmpty() ? this.message : where + ": " + this.message;
	}

}
