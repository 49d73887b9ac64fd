package dev.loraguide.guide;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Comparator;

/**
 * Why a guide revision was refused, pointing at the place to fix where one is known.
 *
 * @param file file name inside the guide folder, null when the problem is not in one file
 * @param line 1-based line, 0 when unknown
 * @param column 1-based column, 0 when unknown
 * @param message what is wrong
 */
public record GuideProblem(@Schema(nullable = true) String file, int line, int column, String message) {

	/** File by file, then top to bottom; problems in no file first. */
	static final Comparator<GuideProblem> BY_POSITION = Comparator
		.comparing(GuideProblem::file, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
		.thenComparingInt(GuideProblem::line)
		.thenComparingInt(GuideProblem::column);

	public static GuideProblem of(String message) {
		return new GuideProblem(null, 0, 0, message);
	}

	/** The {@code file:line:column: message} form editors and CI logs link to. */
	@Override
	public String toString() {
		if (this.file == null) {
			return this.message;
		}
		return this.file + ":" + this.line + ":" + this.column + ": " + this.message;
	}

}
