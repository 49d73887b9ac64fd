package dev.loraguide.guide;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiles each serving guide a few more times once the service is ready, and throws the
 * builds away, so that the next edit goes live through a warm compiler. The engine's
 * build (the Java compiler of the consequences, MVEL's analysis of the constraints, class
 * loading) runs slowly until the JIT has compiled it: {@code flux-lora}'s third compile
 * in one JVM took about 0.8 s and its tenth 0.2 to 0.4 s (bench/README.md), and a replica
 * that had compiled each guide once at start took about 2 s to compile an edit under
 * load. Nothing built here serves.
 */
final class CompilerWarmUp {

	/** Compiles of each serving guide; the gain levels off after a handful. */
	static final int COMPILES = 6;

	private static final Logger logger = LoggerFactory.getLogger(CompilerWarmUp.class);

	private final GuideRegistry registry;

	private final GuideLoader loader;

	CompilerWarmUp(GuideRegistry registry, GuideLoader loader) {
		this.registry = registry;
		this.loader = loader;
	}

	/** Starts the compiles on a daemon thread of their own and returns. */
	void startInBackground() {
		Thread thread = new Thread(this::run, "guide-compiler-warm-up");
		thread.setDaemon(true);
		thread.start();
	}

	/**
	 * Compiles each serving guide {@value #COMPILES} times, one after the other, and says
	 * how long each compile took.
	 */
	void run() {
		for (GuideState state : this.registry.states()) {
			if (!state.isServing()) {
				continue;
			}
			GuideSource source = state.active().source();
			List<Long> took = new ArrayList<>();
			try {
				for (int i = 0; i < COMPILES; i++) {
					long started = System.nanoTime();
					this.loader.compileAndDiscard(source);
					took.add((System.nanoTime() - started) / 1_000_000);
				}
				logger.info(
						"Guide '{}' revision {} compiled {} more times to warm the compiler for the next edit: {} ms",
						source.id(), source.revision(), COMPILES, took);
			}
			catch (GuideRefusedException | RuntimeException ex) {
				logger.warn("Warming the compiler on guide '{}' failed; the next edit compiles cold", source.id(), ex);
			}
		}
	}

}
