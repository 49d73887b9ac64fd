package dev.loraguide.guide.cases;

import dev.loraguide.guide.GuideProblem;

/**
 * A place in one of a guide's files.
 *
 * @param file file name inside the guide folder
 * @param line 1-based line
 * @param column 1-based column
 */
record FilePosition(String file, int line, int column) {

	GuideProblem problem(String message) {
		return new GuideProblem(this.file, this.line, this.column, message);
	}

}
