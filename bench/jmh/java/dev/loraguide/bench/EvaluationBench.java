package dev.loraguide.bench;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import dev.loraguide.guide.fact.ActorDataset;
import dev.loraguide.guide.Evaluation;
import dev.loraguide.guide.Guide;
import dev.loraguide.guide.GuideCompiler;
import dev.loraguide.guide.GuideLoader;
import dev.loraguide.guide.GuideSource;
import dev.loraguide.guide.fact.ParameterOverrides;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One evaluation of the shipped flux-lora guide, as a request pays for it: a fresh stateless session
 * on the shared KieBase, the two facts, every rule that fires. One image count per preset.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
@State(Scope.Benchmark)
public class EvaluationBench {

	@Param({ "10", "23", "45", "75" })
	int imageCount;

	private Guide guide;

	private ActorDataset dataset;

	private ParameterOverrides overrides;

	@Setup
	public void loadGuide() throws Exception {
		this.guide = new GuideLoader(new GuideCompiler(1000)).load(GuideSource.read(Path.of("rules", "flux-lora")));
		this.dataset = new ActorDataset("a-17", "Jane Doe", this.imageCount, null);
		this.overrides = new ParameterOverrides(1800, null, null, null, 3, null, null, null);
	}

	@Benchmark
	public Evaluation evaluate() {
		return this.guide.evaluate(this.dataset, ParameterOverrides.NONE);
	}

	@Benchmark
	public Evaluation evaluateWithOverrides() {
		return this.guide.evaluate(this.dataset, this.overrides);
	}

}
