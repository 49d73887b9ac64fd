package dev.loraguide.guide;

import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 500 reloads in one JVM leave loaded classes and metaspace bounded: each swapped-out
 * revision is disposed, so its generated classes can be unloaded (the leak of DROOLS-1372
 * and incubator-kie#6554). Measured after GC, with generous slack for the JVM and the
 * engine's caches: on the machine this was written on, the last 400 reloads added 2
 * classes and 3 MB of metaspace with disposal, and 2,800 classes and 13 MB without it.
 */
class ReloadSoakTests {

	private static final int WARM_UP_RELOADS = 100;

	private static final int MEASURED_RELOADS = 400;

	@TempDir
	Path temp;

	@Test
	void fiveHundredReloadsLeaveClassesAndMetaspaceBounded() throws Exception {
		Path drl = Files.createDirectories(this.temp.resolve("soak")).resolve("rules.drl");
		try (GuideRegistry registry = new GuideRegistry(this.temp, "soak", compiledOnly(), Clock.systemUTC(),
				Duration.ZERO, ReloadListener.NONE)) {
			reload(registry, drl, 0, WARM_UP_RELOADS);
			Footprint before = Footprint.afterGc();
			reload(registry, drl, WARM_UP_RELOADS, WARM_UP_RELOADS + MEASURED_RELOADS);
			Footprint after = Footprint.afterGc();

			System.out.printf("After %d reloads: %s; after %d: %s%n", WARM_UP_RELOADS, before,
					WARM_UP_RELOADS + MEASURED_RELOADS, after);
			assertThat(after.loadedClasses() - before.loadedClasses())
				.as("classes loaded by the last %d reloads", MEASURED_RELOADS)
				.isLessThan(1_000);
			assertThat(after.metaspaceBytes() - before.metaspaceBytes())
				.as("metaspace grown by the last %d reloads", MEASURED_RELOADS)
				.isLessThan(8L * 1024 * 1024);
		}
	}

	/**
	 * What the service does once a revision's check passed elsewhere: compile it here and
	 * swap it in. The soak is about that, so every revision passes.
	 */
	private static GuideLoader compiledOnly() {
		return new GuideLoader(new GuideCompiler(1000),
				(source) -> new GuideVerdict(source.id(), source.revision(), "", true, 0, null, List.of(), List.of()),
				Duration.ofMillis(1));
	}

	/** Each revision a small guide of its own, so every reload compiles new classes. */
	private static void reload(GuideRegistry registry, Path drl, int from, int to) {
		for (int i = from; i < to; i++) {
			RulesFolder.write(drl, """
					package guides.soak;

					import dev.loraguide.guide.fact.ActorDataset;
					import dev.loraguide.guide.fact.TrainingPlan;

					rule "Revision %d: one preset for every dataset"
					when
					    ActorDataset( imageCount >= 1 )
					    $plan : TrainingPlan()
					then
					    modify( $plan ) { setPresetId( "only" ), setMaxTrainSteps( %d ) }
					end
					""".formatted(i, 1000 + i));
			assertThat(registry.reload()).singleElement()
				.extracting(GuideReload::outcome)
				.isEqualTo(ReloadOutcome.ACTIVATED);
		}
	}

	private record Footprint(long loadedClasses, long metaspaceBytes) {

		static Footprint afterGc() throws InterruptedException {
			// A few rounds: class unloading may need the collection after the one that
			// cleared references.
			for (int i = 0; i < 3; i++) {
				System.gc();
				Thread.sleep(100);
			}
			ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
			long metaspace = ManagementFactory.getMemoryPoolMXBeans()
				.stream()
				.filter((pool) -> pool.getName().equals("Metaspace"))
				.mapToLong((pool) -> pool.getUsage().getUsed())
				.sum();
			return new Footprint(classes.getLoadedClassCount(), metaspace);
		}

		@Override
		public String toString() {
			return this.loadedClasses + " classes, " + this.metaspaceBytes / 1024 + " KB metaspace";
		}

	}

}
