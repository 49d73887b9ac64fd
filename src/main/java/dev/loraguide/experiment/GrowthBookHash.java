package dev.loraguide.experiment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * GrowthBook's deterministic bucketing, ported so that any GrowthBook SDK given the same
 * seed, actor id and weights puts an actor in the same variant as this service does.
 * Ported from {@code packages/sdk-js/src/util.ts} of
 * <a href="https://github.com/growthbook/growthbook">GrowthBook</a> ({@code hash},
 * {@code getBucketRanges}, {@code chooseVariation}) and checked against the cross-SDK
 * vectors of its {@code packages/sdk-js/test/cases.json}.
 * <p>
 * Two details matter for agreeing with the JavaScript SDK: strings are hashed as UTF-16
 * code units ({@code charAt}, like {@code charCodeAt}), not as bytes of some charset, and
 * hashes are doubles, not floats.
 */
public final class GrowthBookHash {

	/** Hash version this service assigns with: GrowthBook's current, unbiased one. */
	public static final int ASSIGNMENT_VERSION = 2;

	private static final int FNV_OFFSET_BASIS = 0x811C9DC5;

	private static final int FNV_PRIME = 0x01000193;

	private GrowthBookHash() {
	}

	/**
	 * A number in [0, 1) for a seed and a value.
	 * @param seed the experiment's seed (our {@code salt})
	 * @param value the hashed attribute (our actor id)
	 * @param version 1 (GrowthBook's original hash) or 2 (its current one)
	 * @return the hash, or null for any other version, which GrowthBook treats as "not
	 * enrolled"
	 */
	public static Double hash(String seed, String value, int version) {
		return switch (version) {
			case 1 -> (fnv1a32(value + seed) % 1000) / 1000.0;
			case 2 -> (fnv1a32(Long.toString(fnv1a32(seed + value))) % 10000) / 10000.0;
			default -> null;
		};
	}

	/** 32-bit FNV-1a over the string's UTF-16 code units, as an unsigned value. */
	static long fnv1a32(String text) {
		int state = FNV_OFFSET_BASIS;
		for (int i = 0; i < text.length(); i++) {
			state ^= text.charAt(i);
			state *= FNV_PRIME;
		}
		return Integer.toUnsignedLong(state);
	}

	/**
	 * Each variation's slice of [0, 1): variation i starts where the weights before it
	 * end and covers {@code coverage × weight_i}. Out-of-range coverage is clamped;
	 * missing weights, a count that differs from the number of variations, or a sum
	 * outside [0.99, 1.01] fall back to equal weights, as GrowthBook does.
	 * @param variations number of variations
	 * @param coverage share of the population in the experiment
	 * @param weights share of each variation, or null for equal shares
	 * @return one range per variation, in order
	 */
	public static List<BucketRange> bucketRanges(int variations, double coverage, List<Double> weights) {
		double clamped = Math.max(0, Math.min(1, coverage));
		List<Double> shares = (weights != null && weights.size() == variations && sumIsAboutOne(weights)) ? weights
				: equalWeights(variations);
		List<BucketRange> ranges = new ArrayList<>(variations);
		double cumulative = 0;
		for (double share : shares) {
			double start = cumulative;
			cumulative += share;
			ranges.add(new BucketRange(start, start + clamped * share));
		}
		return Collections.unmodifiableList(ranges);
	}

	/**
	 * The first range holding {@code n}, where a range holds its start but not its end.
	 * @return the range's index, or -1 when no range holds {@code n} (not enrolled)
	 */
	public static int chooseVariation(double n, List<BucketRange> ranges) {
		for (int i = 0; i < ranges.size(); i++) {
			if (ranges.get(i).contains(n)) {
				return i;
			}
		}
		return -1;
	}

	private static boolean sumIsAboutOne(List<Double> weights) {
		double total = 0;
		for (double weight : weights) {
			total += weight;
		}
		return total >= 0.99 && total <= 1.01;
	}

	private static List<Double> equalWeights(int variations) {
		return Collections.nCopies(Math.max(variations, 0), 1.0 / variations);
	}

	/**
	 * A variation's slice of [0, 1).
	 *
	 * @param start first hash value in the slice
	 * @param end first hash value past the slice
	 */
	public record BucketRange(double start, double end) {

		boolean contains(double n) {
			return n >= this.start && n < this.end;
		}

	}

}
