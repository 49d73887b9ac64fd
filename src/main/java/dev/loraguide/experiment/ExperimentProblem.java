package dev.loraguide.experiment;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Why the experiments file, or one experiment in it, cannot be used.
 *
 * @param experiment id of the experiment at fault, null when the problem is with the file
 * as a whole
 * @param field path of the field at fault inside the experiment (or the file), such as
 * {@code variants[1].weight}; null when no single field is to blame
 * @param line 1-based line of the experiments file to fix, 0 when unknown
 * @param column 1-based column of the experiments file to fix, 0 when unknown
 * @param message what is wrong
 */
record ExperimentProblem(@Schema(nullable = true) String experiment, @Schema(nullable = true) String field, int line,
		int column, String message) {

	/** A problem found after reading, whose place the file's locations supply. */
	ExperimentProblem(String experiment, String field, String message) {
		this(experiment, field, 0, 0, message);
	}

	static ExperimentProblem ofFile(String field, String message) {
		return new ExperimentProblem(null, field, message);
	}

	/**
	 * The {@code line:column: experiment 'id' field: message} form of guide problems; the
	 * file is left out because it is always the experiments file, which logs and health
	 * name beside the problems.
	 */
	@Override
	public String toString() {
		String where = (this.experiment != null) ? "experiment '" + this.experiment + "'" : "";
		if (this.field != null) {
			where = where.isEmpty() ? this.field : where + " " + this.field;
		}
		String what = where.isEmpty() ? this.message : where + ": " + this.message;
		return (this.line > 0) ? this.line + ":" + this.column + ": " + what : what;
	}

}
