package dev.loraguide.guide;

import dev.loraguide.guide.fact.ActorDataset;
import dev.loraguide.guide.fact.ParameterOverrides;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * A guide's preset table, derived by evaluating the guide over image counts rather than
 * written by hand, so it can never disagree with the rules. The same scan finds counts
 * that get no preset or more than one.
 *
 * @param rows presets in image-count order
 * @param problems gaps and overlaps found, empty for a sound guide
 */
public record PresetTable(List<PresetRow> rows, List<GuideProblem> problems) {

	/** Every count up to here is evaluated; above it, a log-spaced sample. */
	public static final int DENSE_UP_TO = 1000;

	/** The largest image count a request may carry. */
	public static final int MAX_IMAGE_COUNT = 100_000;

	private static final int SAMPLES_PER_DECADE = 20;

	public PresetTable {
		rows = List.copyOf(rows);
		problems = List.copyOf(problems);
	}

	public static PresetTable derive(CompiledRules rules) {
		List<PresetRow> rows = new ArrayList<>();
		List<GuideProblem> problems = new ArrayList<>();
		PresetRow open = null;
		int problemFrom = 0;
		List<String> problemClaims = null;
		int previous = 0;
		for (int imageCount : scannedImageCounts()) {
			Evaluation evaluation = rules.evaluate(ActorDataset.ofImages(imageCount), ParameterOverrides.NONE);
			List<String> claims = evaluation.presetClaims();
			if (problemClaims != null && !problemClaims.equals(claims)) {
				problems.add(GuideProblem.of(claimProblem(problemFrom, previous, problemClaims)));
				problemClaims = null;
			}
			if (problemClaims == null && claims.size() != 1) {
				problemFrom = imageCount;
				problemClaims = claims;
			}
			if (open != null && !Objects.equals(open.preset(), evaluation.presetId())) {
				rows.add(open.endingAt(previous));
				open = null;
			}
			if (open == null && evaluation.presetId() != null) {
				open = PresetRow.startingAt(imageCount, evaluation);
			}
			previous = imageCount;
		}
		if (problemClaims != null) {
			problems.add(GuideProblem.of(claimProblem(problemFrom, previous, problemClaims)));
		}
		if (open != null) {
			rows.add(open);
		}
		return new PresetTable(rows, problems);
	}

	private static String claimProblem(int from, int to, List<String> claims) {
		String counts = (from == to) ? from + " images" : from + " to " + to + " images";
		if (claims.isEmpty()) {
			return "no preset for " + counts;
		}
		return "presets " + claims + " all claim " + counts;
	}

	static int[] scannedImageCounts() {
		double decades = Math.log10((double) MAX_IMAGE_COUNT / DENSE_UP_TO);
		int samples = (int) Math.round(decades * SAMPLES_PER_DECADE);
		IntStream sparse = IntStream.rangeClosed(1, samples)
			.map((i) -> (int) Math.round(DENSE_UP_TO * Math.pow(10, (double) i / SAMPLES_PER_DECADE)));
		return IntStream.concat(IntStream.rangeClosed(1, DENSE_UP_TO), sparse).distinct().toArray();
	}

}
