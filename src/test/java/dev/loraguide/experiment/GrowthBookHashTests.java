package dev.loraguide.experiment;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.loraguide.experiment.GrowthBookHash.BucketRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every vector of GrowthBook's cross-SDK test cases for {@code hash},
 * {@code getBucketRange} and {@code chooseVariation}, read from
 * {@code growthbook/growthbook-cases-hash.json} (copied from
 * {@code packages/sdk-js/test/cases.json}; the file names its commit). Passing them is
 * what lets any GrowthBook SDK reproduce our assignments.
 */
class GrowthBookHashTests {

	private static final JsonNode CASES = read();

	@Test
	void vectorFileIsTheOneFromGrowthBook() {
		assertThat(CASES.get("source").get("repository").asString()).isEqualTo("growthbook/growthbook");
		assertThat(CASES.get("hash")).hasSize(15);
		assertThat(CASES.get("getBucketRange")).hasSize(13);
		assertThat(CASES.get("chooseVariation")).hasSize(13);
	}

	@ParameterizedTest(name = "hash(\"{0}\", \"{1}\", v{2}) = {3}")
	@MethodSource("hashCases")
	void hashMatchesGrowthBookExactly(String seed, String value, int version, Double expected) {
		assertThat(GrowthBookHash.hash(seed, value, version)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("bucketRangeCases")
	void bucketRangesMatchGrowthBookToEightDecimals(String name, int variations, double coverage, List<Double> weights,
			List<BucketRange> expected) {
		List<BucketRange> ranges = GrowthBookHash.bucketRanges(variations, coverage, weights);
		assertThat(ranges.stream().map(GrowthBookHashTests::truncated).toList())
			.isEqualTo(expected.stream().map(GrowthBookHashTests::truncated).toList());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("chooseVariationCases")
	void chooseVariationMatchesGrowthBook(String name, double n, List<BucketRange> ranges, int expected) {
		assertThat(GrowthBookHash.chooseVariation(n, ranges)).isEqualTo(expected);
	}

	@Test
	void hashesUtf16CodeUnitsLikeTheJavaScriptSdk() {
		// "é" is one UTF-16 unit (0xE9) but two UTF-8 bytes; FNV-1a of the single unit
		// 0xE9 is
		// (0x811C9DC5 ^ 0xE9) * 16777619 mod 2^32.
		long expected = ((0x811C9DC5L ^ 0xE9L) * 16777619L) & 0xFFFFFFFFL;
		assertThat(GrowthBookHash.fnv1a32("é")).isEqualTo(expected);
	}

	static Stream<Arguments> hashCases() {
		List<Arguments> cases = new ArrayList<>();
		for (JsonNode c : CASES.get("hash")) {
			cases.add(Arguments.of(c.get(0).asString(), c.get(1).asString(), c.get(2).asInt(),
					c.get(3).isNull() ? null : c.get(3).asDouble()));
		}
		return cases.stream();
	}

	static Stream<Arguments> bucketRangeCases() {
		List<Arguments> cases = new ArrayList<>();
		for (JsonNode c : CASES.get("getBucketRange")) {
			JsonNode args = c.get(1);
			List<Double> weights = null;
			if (!args.get(2).isNull()) {
				weights = new ArrayList<>();
				for (JsonNode weight : args.get(2)) {
					weights.add(weight.asDouble());
				}
			}
			cases.add(Arguments.of(c.get(0).asString(), args.get(0).asInt(), args.get(1).asDouble(), weights,
					ranges(c.get(2))));
		}
		return cases.stream();
	}

	static Stream<Arguments> chooseVariationCases() {
		List<Arguments> cases = new ArrayList<>();
		for (JsonNode c : CASES.get("chooseVariation")) {
			cases.add(Arguments.of(c.get(0).asString(), c.get(1).asDouble(), ranges(c.get(2)), c.get(3).asInt()));
		}
		return cases.stream();
	}

	private static List<BucketRange> ranges(JsonNode node) {
		List<BucketRange> ranges = new ArrayList<>();
		for (JsonNode range : node) {
			ranges.add(new BucketRange(range.get(0).asDouble(), range.get(1).asDouble()));
		}
		return ranges;
	}

	/**
	 * As GrowthBook's own test does: cut every bound to 8 decimals (0.2 × 0.2 is
	 * 0.04000000000000001).
	 */
	private static BucketRange truncated(BucketRange range) {
		return new BucketRange(Math.floor(range.start() * 1e8) / 1e8, Math.floor(range.end() * 1e8) / 1e8);
	}

	private static JsonNode read() {
		try (InputStream in = GrowthBookHashTests.class.getResourceAsStream("/growthbook/growthbook-cases-hash.json")) {
			return JsonMapper.builder().build().readTree(in);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
