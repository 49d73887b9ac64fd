package dev.loraguide.guide;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A guide's preset table, derived by evaluating the guide at every image count rather
 * than written by hand, so it can never disagree with the rules. The same pass finds the
 * counts that get no preset or more than one, and those left with a parameter unset.
 *
 * @param rows presets in image-count order
 * @param problems gaps, overlaps and unset parameters found, empty for a sound guide
 */
public record PresetTable(List<PresetRow> rows, List<GuideProblem> problems) {

	/** The largest image count a request may carry; every count up to it is evaluated. */
	public static final int MAX_IMAGE_COUNT = 100_000;

	public PresetTable {
		rows = List.copyOf(rows);
		problems = List.copyOf(problems);
	}

	/**
	 * Builds the table from evaluations fed in ascending image-count order; a run of
	 * counts with the same defect becomes one problem.
	 */
	static final class Builder {

		private final List<PresetRow> rows = new ArrayList<>();

		private final List<GuideProblem> problems = new ArrayList<>();

		private final DefectRun claims = new DefectRun();

		private final DefectRun unset = new DefectRun();

		private PresetRow open;

		private int previous;

		void accept(int imageCount, Evaluation evaluation) {
			List<String> claimed = evaluation.presetClaims();
			this.claims.note(imageCount, (claimed.size() == 1) ? null
					: claimed.isEmpty() ? "no preset for {images}" : "presets " + claimed + " all claim {images}");
			List<String> unsetParameters = (claimed.size() == 1) ? evaluation.parameters().unset() : List.of();
			this.unset.note(imageCount, unsetParameters.isEmpty() ? null
					: "no value for " + String.join(", ", unsetParameters) + " at {images}");
			if (this.open != null && !Objects.equals(this.open.preset(), evaluation.presetId())) {
				this.rows.add(this.open.endingAt(this.previous));
				this.open = null;
			}
			if (this.open == null && evaluation.presetId() != null) {
				this.open = PresetRow.startingAt(imageCount, evaluation);
			}
			this.previous = imageCount;
		}

		PresetTable build() {
			this.claims.close();
			this.unset.close();
			List<PresetRow> all = new ArrayList<>(this.rows);
			if (this.open != null) {
				all.add(this.open);
			}
			return new PresetTable(all, this.problems);
		}

		/** One kind of defect over consecutive image counts. */
		private final class DefectRun {

			private String defect;

			private int from;

			private int to;

			void note(int imageCount, String found) {
				if (this.defect != null && !this.defect.equals(found)) {
					close();
				}
				if (this.defect == null && found != null) {
					this.defect = found;
					this.from = imageCount;
				}
				this.to = imageCount;
			}

			void close() {
				if (this.defect != null) {
					String counts = (this.from == this.to) ? this.from + " images"
							: this.from + " to " + this.to + " images";
					Builder.this.problems.add(GuideProblem.of(this.defect.replace("{images}", counts)));
					this.defect = null;
				}
			}

		}

	}

}
