package dev.loraguide.guide;

import dev.loraguide.guide.fact.ActorDataset;
import dev.loraguide.guide.fact.ParameterOverrides;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.stream.IntStream;

/**
 * A guide revision evaluated at every image count of the preset scan (each count from 1
 * to {@value #DENSE_UP_TO}, then a log-spaced sample up to
 * {@value PresetTable#MAX_IMAGE_COUNT}): the data of the guide page's curves and of guide
 * diffs. Worked out once per revision.
 *
 * @param id guide id
 * @param revision the revision evaluated
 * @param points the answer at each scanned image count, in count order
 * @param warnings each warning the guide gives, with the image counts it is given for
 */
public record GuideCurves(String id, String revision, List<CurvePoint> points, List<WarningSpan> warnings) {

	/** Every count up to here is evaluated; above it, a log-spaced sample. */
	static final int DENSE_UP_TO = 1000;

	private static final int SAMPLES_PER_DECADE = 20;

	public GuideCurves {
		points = List.copyOf(points);
		warnings = List.copyOf(warnings);
	}

	/** Each count from 1 to {@value #DENSE_UP_TO}, then 20 a decade up to the largest. */
	static int[] imageCounts() {
		double decades = Math.log10((double) PresetTable.MAX_IMAGE_COUNT / DENSE_UP_TO);
		int samples = (int) Math.round(decades * SAMPLES_PER_DECADE);
		IntStream sparse = IntStream.rangeClosed(1, samples)
			.map((i) -> (int) Math.round(DENSE_UP_TO * Math.pow(10, (double) i / SAMPLES_PER_DECADE)));
		return IntStream.concat(IntStream.rangeClosed(1, DENSE_UP_TO), sparse).distinct().toArray();
	}

	static GuideCurves of(Guide guide) {
		return of(guide.id(), guide.revision(), guide.rules());
	}

	static GuideCurves of(String id, String revision, CompiledRules rules) {
		List<CurvePoint> points = new ArrayList<>();
		Map<String, String> messages = new LinkedHashMap<>();
		for (int imageCount : imageCounts()) {
			if (Thread.currentThread().isInterrupted()) {
				// The registry is closing: its rules are about to be freed.
				throw new CancellationException("interrupted while working out the curves of " + id);
			}
			Evaluation evaluation = rules.evaluate(ActorDataset.ofImages(imageCount), ParameterOverrides.NONE);
			points.add(CurvePoint.of(imageCount, evaluation));
			evaluation.warnings().forEach((warning) -> messages.putIfAbsent(warning.code(), warning.message()));
		}
		return new GuideCurves(id, revision, points, WarningSpan.of(points, messages));
	}

	/**
	 * One warning and a run of scanned image counts that get it.
	 *
	 * @param code warning code
	 * @param message the warning's text
	 * @param fromImages first image count of the run
	 * @param toImages last image count of the run
	 */
	public record WarningSpan(String code, String message, int fromImages, int toImages) {

		static List<WarningSpan> of(List<CurvePoint> points, Map<String, String> messages) {
			List<WarningSpan> spans = new ArrayList<>();
			for (String code : messages.keySet()) {
				Integer from = null;
				int previous = 0;
				for (CurvePoint point : points) {
					boolean given = point.warnings().contains(code);
					if (given && from == null) {
						from = point.imageCount();
					}
					if (!given && from != null) {
						spans.add(new WarningSpan(code, messages.get(code), from, previous));
						from = null;
					}
					previous = point.imageCount();
				}
				if (from != null) {
					spans.add(new WarningSpan(code, messages.get(code), from, previous));
				}
			}
			return spans;
		}

	}

}
