package dev.loraguide.guide;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Building the flux-lora guide from its files, as a reload pays for it. {@code compile*} is the
 * KieBase alone; {@code load*} is the whole validation gate a reload runs (guardrails, compile,
 * the scan of 1 to 100000 images, the guide's cases). Cold is the first build in a fresh JVM (one
 * shot per fork); warm is a build in a JVM that has built before, which is what a live reload is.
 * Lives in the guide package because freeing a build is package-private.
 */
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
public class GuideBuildBench {

	private final GuideCompiler compiler = new GuideCompiler(1000);

	private final GuideLoader loader = new GuideLoader(this.compiler);

	private GuideSource source;

	private CompiledRules built;

	@Setup(Level.Trial)
	public void readFiles() {
		this.source = GuideSource.read(Path.of("rules", "flux-lora"));
	}

	@TearDown(Level.Invocation)
	public void free() {
		if (this.built != null) {
			this.built.dispose();
			this.built = null;
		}
	}

	@Benchmark
	@BenchmarkMode(Mode.SingleShotTime)
	@Warmup(iterations = 0)
	@Measurement(iterations = 1)
	@Fork(5)
	public CompiledRules compileCold() throws GuideRefusedException {
		this.built = this.compiler.compile(this.source);
		return this.built;
	}

	@Benchmark
	@BenchmarkMode(Mode.SingleShotTime)
	@Warmup(iterations = 0)
	@Measurement(iterations = 1)
	@Fork(5)
	public Guide loadCold() throws GuideRefusedException {
		Guide guide = this.loader.load(this.source);
		this.built = guide.rules();
		return guide;
	}

	@Benchmark
	@BenchmarkMode(Mode.AverageTime)
	@Warmup(iterations = 3, time = 2)
	@Measurement(iterations = 5, time = 2)
	@Fork(3)
	public CompiledRules compileWarm() throws GuideRefusedException {
		this.built = this.compiler.compile(this.source);
		return this.built;
	}

	@Benchmark
	@BenchmarkMode(Mode.AverageTime)
	@Warmup(iterations = 3, time = 2)
	@Measurement(iterations = 5, time = 2)
	@Fork(3)
	public Guide loadWarm() throws GuideRefusedException {
		Guide guide = this.loader.load(this.source);
		this.built = guide.rules();
		return guide;
	}

}
