package dev.loraguide.guide;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import dev.loraguide.guide.fact.FileSizeEstimate;

/**
 * What changes from one guide revision to another, image count by image count: both are
 * evaluated at every count of the preset scan and the counts where any output differs are
 * reported as ranges: one line a range, each changed output with its value at the range's
 * first and last image count before and after.
 *
 * @param before the guide revision changed from
 * @param after the guide revision changed to
 * @param identical whether every answer is the same
 * @param ranges runs of image counts with the same outputs changed, in count order
 */
public record GuideDiff(Side before, Side after, boolean identical, List<ChangedRange> ranges) {

	public GuideDiff {
		ranges = List.copyOf(ranges);
	}

	/**
	 * Compares two evaluations of the same image counts.
	 * @throws IllegalArgumentException when they were evaluated at different counts
	 */
	public static GuideDiff between(GuideCurves before, GuideCurves after) {
		if (before.points().size() != after.points().size()) {
			throw new IllegalArgumentException("the two guides were evaluated at different image counts");
		}
		List<ChangedRange> ranges = new ArrayList<>();
		Run run = null;
		for (int i = 0; i < before.points().size(); i++) {
			CurvePoint was = before.points().get(i);
			CurvePoint is = after.points().get(i);
			if (was.imageCount() != is.imageCount()) {
				throw new IllegalArgumentException("the two guides were evaluated at different image counts");
			}
			Map<String, Object[]> changed = changedOutputs(was.outputs(), is.outputs());
			Run next = changed.isEmpty() ? null
					: new Run(changed.keySet().stream().toList(), was.preset(), is.preset());
			if (run != null && !run.sameKindAs(next)) {
				ranges.add(run.range());
				run = null;
			}
			if (next != null) {
				run = (run != null) ? run : next;
				run.add(is.imageCount(), changed);
			}
		}
		if (run != null) {
			ranges.add(run.range());
		}
		return new GuideDiff(new Side(before.id(), before.revision()), new Side(after.id(), after.revision()),
				ranges.isEmpty(), ranges);
	}

	private static Map<String, Object[]> changedOutputs(Map<String, Object> was, Map<String, Object> is) {
		Map<String, Object[]> changed = new LinkedHashMap<>();
		was.forEach((output, value) -> {
			if (!Objects.equals(value, is.get(output))) {
				changed.put(output, new Object[] { value, is.get(output) });
			}
		});
		return changed;
	}

	/** The table as text, one range a line; says so when nothing changes. */
	public String text() {
		if (this.identical) {
			return "no answer changes";
		}
		return this.ranges.stream().map(ChangedRange::text).collect(Collectors.joining("\n"));
	}

	/**
	 * One side of a diff.
	 *
	 * @param id guide id
	 * @param revision revision of the guide
	 */
	public record Side(String id, String revision) {
	}

	/**
	 * A run of scanned image counts where the same outputs change.
	 *
	 * @param fromImages first image count of the run
	 * @param toImages last image count of the run
	 * @param changes each output that changes, with its values at both ends of the run
	 * @param text the run in one line, as the {@code diff} command prints it
	 */
	public record ChangedRange(int fromImages, int toImages, List<ChangedOutput> changes, String text) {

		public ChangedRange {
			changes = List.copyOf(changes);
		}

	}

	/**
	 * One output that changes over a run.
	 *
	 * @param output its name in the recommendation's JSON
	 * @param before its value before the change at the run's first image count
	 * @param after its value after the change at the run's first image count
	 * @param beforeAtEnd its value before the change at the run's last image count
	 * @param afterAtEnd its value after the change at the run's last image count
	 */
	public record ChangedOutput(String output, Object before, Object after, Object beforeAtEnd, Object afterAtEnd) {

		String text() {
			return this.output + " " + span(this.before, this.beforeAtEnd) + " → " + span(this.after, this.afterAtEnd);
		}

		private static String span(Object first, Object last) {
			return Objects.equals(first, last) ? show(first) : show(first) + "–" + show(last);
		}

		private static String show(Object value) {
			if (value == null) {
				return "none";
			}
			if (value instanceof Double number) {
				return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
			}
			if (value instanceof FileSizeEstimate size) {
				return show(size.min()) + "-" + show(size.max()) + " MB";
			}
			if (value instanceof List<?> list) {
				return list.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
			}
			return String.valueOf(value);
		}

	}

	/**
	 * Image counts in a row whose changes are of one kind: the same outputs change, under
	 * the same presets (within a preset every output but epochs is constant, so the
	 * values at the two ends say it all).
	 */
	private static final class Run {

		private final List<String> outputs;

		private final String presetBefore;

		private final String presetAfter;

		private int from;

		private int to;

		private Map<String, Object[]> first;

		private Map<String, Object[]> last;

		Run(List<String> outputs, String presetBefore, String presetAfter) {
			this.outputs = outputs;
			this.presetBefore = presetBefore;
			this.presetAfter = presetAfter;
		}

		boolean sameKindAs(Run other) {
			return other != null && this.outputs.equals(other.outputs)
					&& Objects.equals(this.presetBefore, other.presetBefore)
					&& Objects.equals(this.presetAfter, other.presetAfter);
		}

		void add(int imageCount, Map<String, Object[]> changed) {
			if (this.first == null) {
				this.from = imageCount;
				this.first = changed;
			}
			this.to = imageCount;
			this.last = changed;
		}

		ChangedRange range() {
			List<ChangedOutput> changes = this.outputs.stream()
				.map((output) -> new ChangedOutput(output, this.first.get(output)[0], this.first.get(output)[1],
						this.last.get(output)[0], this.last.get(output)[1]))
				.toList();
			String counts = (this.from == this.to) ? String.valueOf(this.from) : this.from + "–" + this.to;
			return new ChangedRange(this.from, this.to, changes,
					counts + ": " + changes.stream().map(ChangedOutput::text).collect(Collectors.joining("; ")));
		}

	}

}
