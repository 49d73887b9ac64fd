package dev.loraguide.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How one trainer takes the guide's scheduler and warmup, as a table: for a scheduler
 * name, with or without warmup, the name written, whether the warmup is written, and why
 * when that differs from what the guide said. A guide that leaves the scheduler open gets
 * {@code constant}, the default of every trainer here.
 *
 * @param trainer the trainer's name in reasons
 * @param withoutWarmup conversions for a warmup of 0, by guide scheduler name
 * @param withWarmup conversions for a non-zero warmup, by guide scheduler name
 */
record SchedulerMapping(String trainer, Map<String, Conversion> withoutWarmup, Map<String, Conversion> withWarmup) {

	static final String DEFAULT_SCHEDULER = "constant";

	private static final Conversion AS_IS = new Conversion(null, true, null);

	/**
	 * kohya sd-scripts (and fluxgym, which runs it): every scheduler takes integer warmup
	 * steps except {@code constant}, which raises on a non-zero warmup
	 * ({@code get_scheduler_fix}).
	 */
	static final SchedulerMapping KOHYA = new SchedulerMapping("kohya", Map.of(),
			Map.of("constant",
					new Conversion("constant_with_warmup", true,
							"kohya raises on constant with a non-zero warmup; constant_with_warmup holds the rate "
									+ "constant after the same warmup")));

	/**
	 * ai-toolkit ({@code toolkit/scheduler.py}): only {@code constant_with_warmup} takes
	 * a warmup, and falls back to 1000 steps without one, so its warmup is always
	 * written; {@code cosine} is torch's CosineAnnealingLR over {@code train.steps};
	 * {@code linear} is torch's LinearLR, which raises the rate instead of lowering it;
	 * there is no {@code polynomial}.
	 */
	static final SchedulerMapping AI_TOOLKIT = aiToolkit();

	private static SchedulerMapping aiToolkit() {
		String noWarmup = "ai-toolkit's %s takes no warmup (only constant_with_warmup does); the warmup is left out";
		String noEquivalent = "ai-toolkit has no %s that decays the rate (its linear is torch's LinearLR, which "
				+ "raises it); written as %s";
		return new SchedulerMapping("ai-toolkit",
				Map.of("linear", new Conversion("constant", true, noEquivalent.formatted("linear", "constant")),
						"polynomial",
						new Conversion("constant", true, noEquivalent.formatted("polynomial", "constant"))),
				Map.of("constant",
						new Conversion("constant_with_warmup", true,
								"ai-toolkit's constant takes no warmup; constant_with_warmup holds the rate constant "
										+ "after the same warmup"),
						"cosine", new Conversion("cosine", false, noWarmup.formatted("cosine")), "cosine_with_restarts",
						new Conversion("cosine_with_restarts", false, noWarmup.formatted("cosine_with_restarts")),
						"linear",
						new Conversion("constant_with_warmup", true,
								noEquivalent.formatted("linear", "constant_with_warmup")),
						"polynomial", new Conversion("constant_with_warmup", true,
								noEquivalent.formatted("polynomial", "constant_with_warmup"))));
	}

	/**
	 * The scheduler and warmup to write for what the guide said.
	 * @param scheduler the guide's scheduler, null when it left it open
	 * @param warmupSteps the guide's warmup steps, null when it left them open
	 */
	Resolved resolve(String scheduler, Integer warmupSteps) {
		String wanted = (scheduler != null) ? scheduler : DEFAULT_SCHEDULER;
		int warmup = (warmupSteps != null) ? warmupSteps : 0;
		Conversion conversion = ((warmup > 0) ? this.withWarmup : this.withoutWarmup).getOrDefault(wanted, AS_IS);
		String written = (conversion.scheduler() != null) ? conversion.scheduler() : wanted;
		List<LossyMapping> lossy = new ArrayList<>();
		if (!written.equals(wanted)) {
			lossy.add(new LossyMapping("lrScheduler", wanted, written, conversion.reason()));
		}
		if (!conversion.keepsWarmup()) {
			lossy.add(new LossyMapping("warmupSteps", warmup, null, conversion.reason()));
		}
		return new Resolved(written, conversion.keepsWarmup() ? warmup : null, List.copyOf(lossy));
	}

	/**
	 * What a scheduler becomes.
	 *
	 * @param scheduler the name written, null for the guide's own
	 * @param keepsWarmup whether the warmup is written
	 * @param reason why, when it differs from the guide
	 */
	record Conversion(String scheduler, boolean keepsWarmup, String reason) {
	}

	/**
	 * The scheduler as written.
	 *
	 * @param scheduler the name to write
	 * @param warmupSteps the warmup steps to write, null for none
	 * @param lossy what differs from the guide
	 */
	record Resolved(String scheduler, Integer warmupSteps, List<LossyMapping> lossy) {
	}

}
