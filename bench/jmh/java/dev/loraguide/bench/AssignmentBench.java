package dev.loraguide.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.loraguide.experiment.GrowthBookHash;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A/B assignment as a request pays for it: GrowthBook hash v2 of salt and actor id, then the
 * variation whose bucket range holds it.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
@State(Scope.Thread)
public class AssignmentBench {

	private static final String SALT = "lr-gentle-2026";

	private List<GrowthBookHash.BucketRange> ranges;

	private int actor;

	@Setup
	public void ranges() {
		this.ranges = GrowthBookHash.bucketRanges(2, 1.0, List.of(0.7, 0.3));
	}

	@Benchmark
	public Double hash() {
		return GrowthBookHash.hash(SALT, "actor-" + (this.actor++ & 0xFFFF), GrowthBookHash.ASSIGNMENT_VERSION);
	}

	@Benchmark
	public int chooseVariation() {
		double n = GrowthBookHash.hash(SALT, "actor-" + (this.actor++ & 0xFFFF), GrowthBookHash.ASSIGNMENT_VERSION);
		return GrowthBookHash.chooseVariation(n, this.ranges);
	}

}
