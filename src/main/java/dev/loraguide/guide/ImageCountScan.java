package dev.loraguide.guide;

import dev.loraguide.guide.fact.ActorDataset;
import dev.loraguide.guide.fact.ParameterOverrides;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The gate's evaluation of a compiled revision: every image count from 1 to
 * {@link PresetTable#MAX_IMAGE_COUNT}, each one timed in CPU time, plus a few actor names
 * at the edges of what a request may carry. Any failure stops the scan and becomes a
 * problem, and so does a 99th-percentile evaluation time above the budget. Rules that are
 * slow everywhere are found on a small sample first, so that the scan need not take
 * 100,000 times their cost to say so.
 */
final class ImageCountScan {

	/**
	 * Untimed evaluations first, so that the JIT and the engine's own constraint compiler
	 * have compiled what the timed ones run; bounded in CPU time for rules that are slow
	 * anyway.
	 */
	private static final int WARM_UP_EVALUATIONS = 4096;

	private static final long WARM_UP_CPU_NANOS = Duration.ofSeconds(1).toNanos();

	/**
	 * A first timed sample; three quarters of it over budget means the p99 is, whatever a
	 * busy machine adds.
	 */
	private static final int SAMPLE_SIZE = 20;

	private static final int SAMPLE_OVER = 15;

	/**
	 * Evaluations are timed in CPU time of the evaluating thread, so that a busy machine
	 * that pauses the check does not count against the guide.
	 */
	private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

	private static final int PERCENTILE = 99;

	private static final int[] PROBE_IMAGE_COUNTS = { 1, PresetTable.MAX_IMAGE_COUNT };

	private final GuideSource source;

	private final CompiledRules rules;

	private final long budgetNanos;

	private final Consumer<String> progress;

	private ImageCountScan(GuideSource source, CompiledRules rules, Duration p99Budget, Consumer<String> progress) {
		this.source = source;
		this.rules = rules;
		this.budgetNanos = p99Budget.toNanos();
		this.progress = progress;
	}

	/**
	 * Scans a revision.
	 * @param progress told what is being evaluated, for the message of a check stopped at
	 * its time limit
	 */
	static Result run(GuideSource source, CompiledRules rules, Duration p99Budget, Consumer<String> progress) {
		return new ImageCountScan(source, rules, p99Budget, progress).run();
	}

	/**
	 * What the scan found.
	 *
	 * @param presetTable the preset table, null when the scan stopped early
	 * @param p99 99th-percentile evaluation time, null when the scan stopped early
	 * @param problems failures, time over budget, gaps, overlaps and unset parameters
	 */
	record Result(PresetTable presetTable, Duration p99, List<GuideProblem> problems) {

		static Result stopped(GuideProblem problem) {
			return new Result(null, null, List.of(problem));
		}

	}

	private Result run() {
		GuideProblem actorProblem = evaluateActorNames();
		if (actorProblem != null) {
			return Result.stopped(actorProblem);
		}
		GuideProblem warmUpProblem = warmUp();
		if (warmUpProblem != null) {
			return Result.stopped(warmUpProblem);
		}
		GuideProblem sampleProblem = timeSample();
		if (sampleProblem != null) {
			return Result.stopped(sampleProblem);
		}
		return scanEveryCount();
	}

	/** Names at the edges: none, blank, one letter, accented, and the longest allowed. */
	private GuideProblem evaluateActorNames() {
		String longest = "Zoë Saldaña ".repeat(ActorDataset.MAX_NAME_LENGTH).substring(0, ActorDataset.MAX_NAME_LENGTH);
		List<String> names = Arrays.asList(null, " ", "A", "Zoë Saldaña", longest);
		for (String name : names) {
			for (int imageCount : PROBE_IMAGE_COUNTS) {
				String during = "evaluating " + imageCount + " images for " + describe(name);
				this.progress.accept(during);
				ActorDataset dataset = new ActorDataset(name, name, imageCount, Map.of());
				try {
					this.rules.evaluate(dataset, ParameterOverrides.NONE);
				}
				catch (Throwable ex) {
					return EvaluationFailure.of(this.source, ex, during);
				}
			}
		}
		return null;
	}

	private static String describe(String name) {
		if (name == null) {
			return "an actor without a name";
		}
		if (name.length() > 20) {
			return "an actor name of " + name.length() + " characters";
		}
		return "the actor name \"" + name + "\"";
	}

	private GuideProblem warmUp() {
		long deadline = cpuNanos() + WARM_UP_CPU_NANOS;
		for (int i = 0; i < WARM_UP_EVALUATIONS && cpuNanos() < deadline; i++) {
			int imageCount = spread(i);
			String during = "evaluating " + imageCount + " images";
			this.progress.accept(during);
			try {
				this.rules.evaluate(ActorDataset.ofImages(imageCount), ParameterOverrides.NONE);
			}
			catch (Throwable ex) {
				return EvaluationFailure.of(this.source, ex, during);
			}
		}
		return null;
	}

	private GuideProblem timeSample() {
		long[] nanos = new long[SAMPLE_SIZE];
		int over = 0;
		for (int i = 0; i < SAMPLE_SIZE; i++) {
			int imageCount = spread(WARM_UP_EVALUATIONS + i);
			String during = "evaluating " + imageCount + " images";
			this.progress.accept(during);
			long started = cpuNanos();
			try {
				this.rules.evaluate(ActorDataset.ofImages(imageCount), ParameterOverrides.NONE);
			}
			catch (Throwable ex) {
				return EvaluationFailure.of(this.source, ex, during);
			}
			nanos[i] = cpuNanos() - started;
			over += (nanos[i] > this.budgetNanos) ? 1 : 0;
		}
		if (over < SAMPLE_OVER) {
			return null;
		}
		Arrays.sort(nanos);
		return GuideProblem.of("evaluations are too slow: the p99 evaluation time is at least "
				+ millis(nanos[SAMPLE_SIZE / 2]) + " ms (the median of " + SAMPLE_SIZE
				+ " image counts spread from 1 to " + PresetTable.MAX_IMAGE_COUNT + "; " + over
				+ " of them over), over the " + millis(this.budgetNanos) + " ms budget (guides.gate.p99-budget)");
	}

	private Result scanEveryCount() {
		long[] nanos = new long[PresetTable.MAX_IMAGE_COUNT];
		int allowedOver = PresetTable.MAX_IMAGE_COUNT * (100 - PERCENTILE) / 100;
		int over = 0;
		PresetTable.Builder table = new PresetTable.Builder();
		this.progress.accept("evaluating every image count from 1 to " + PresetTable.MAX_IMAGE_COUNT);
		for (int imageCount = 1; imageCount <= PresetTable.MAX_IMAGE_COUNT; imageCount++) {
			Evaluation evaluation;
			long started = cpuNanos();
			try {
				evaluation = this.rules.evaluate(ActorDataset.ofImages(imageCount), ParameterOverrides.NONE);
			}
			catch (Throwable ex) {
				return Result.stopped(EvaluationFailure.of(this.source, ex, "evaluating " + imageCount + " images"));
			}
			long took = cpuNanos() - started;
			nanos[imageCount - 1] = took;
			if (took > this.budgetNanos && ++over > allowedOver) {
				return Result.stopped(GuideProblem.of("evaluations are too slow: more than " + (100 - PERCENTILE)
						+ " % of them (" + over + " of the first " + imageCount + " image counts) took longer than the "
						+ millis(this.budgetNanos) + " ms budget (guides.gate.p99-budget)"));
			}
			table.accept(imageCount, evaluation);
		}
		Arrays.sort(nanos);
		long p99 = nanos[PresetTable.MAX_IMAGE_COUNT * PERCENTILE / 100 - 1];
		PresetTable presetTable = table.build();
		List<GuideProblem> problems = new ArrayList<>(presetTable.problems());
		if (p99 > this.budgetNanos) {
			problems.add(GuideProblem
				.of("evaluations are too slow: the p99 evaluation time over every image count is " + millis(p99)
						+ " ms, over the " + millis(this.budgetNanos) + " ms budget (guides.gate.p99-budget)"));
		}
		return new Result(presetTable, Duration.ofNanos(p99), problems);
	}

	private static long cpuNanos() {
		return CPU.getCurrentThreadCpuTime();
	}

	/** Image counts spread over the whole range, visiting small ones too. */
	private static int spread(int i) {
		return (int) ((i * 7919L) % PresetTable.MAX_IMAGE_COUNT) + 1;
	}

	private static String millis(long nanos) {
		return BigDecimal.valueOf(nanos)
			.movePointLeft(6)
			.setScale(3, RoundingMode.HALF_UP)
			.stripTrailingZeros()
			.toPlainString();
	}

}
