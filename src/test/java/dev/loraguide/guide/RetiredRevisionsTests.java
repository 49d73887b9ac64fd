package dev.loraguide.guide;

import dev.loraguide.system.Revision;

import dev.loraguide.guide.fact.ActorDataset;
import dev.loraguide.guide.fact.ParameterOverrides;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A swapped-out revision is freed only when no request can still use it: after its grace
 * period, and not while an evaluation runs on it. Public because the test guide's
 * consequence calls it.
 */
public class RetiredRevisionsTests {

	/**
	 * Holds the evaluation of the test guide below until a test lets it finish; fresh per
	 * test.
	 */
	private static CountDownLatch evaluating;

	private static CountDownLatch finish;

	private final GuideCompiler compiler = new GuideCompiler(1000);

	@BeforeEach
	void holdNextEvaluation() {
		evaluating = new CountDownLatch(1);
		finish = new CountDownLatch(1);
	}

	@AfterEach
	void letEvaluationsFinish() {
		finish.countDown();
	}

	@Test
	void revisionIsKeptDuringItsGracePeriod() throws GuideRefusedException {
		RetiredRevisions retired = new RetiredRevisions(Duration.ofHours(1));
		retired.retire(this.compiler.compile(guide("")));

		retired.disposeIdle();

		assertThat(retired.size()).isEqualTo(1);
		retired.disposeAll();
	}

	@Test
	void idleRevisionIsDisposedAfterItsGracePeriod() throws GuideRefusedException {
		RetiredRevisions retired = new RetiredRevisions(Duration.ZERO);
		retired.retire(this.compiler.compile(guide("")));

		retired.disposeIdle();

		assertThat(retired.size()).isZero();
	}

	@Test
	void revisionIsKeptWhileAnEvaluationRunsOnIt() throws Exception {
		CompiledRules rules = this.compiler.compile(guide("RetiredRevisionsTests.holdEvaluation();"));
		CompletableFuture<Evaluation> request = CompletableFuture
			.supplyAsync(() -> rules.evaluate(ActorDataset.ofImages(20), ParameterOverrides.NONE));
		assertThat(evaluating.await(30, TimeUnit.SECONDS)).isTrue();
		RetiredRevisions retired = new RetiredRevisions(Duration.ZERO);
		retired.retire(rules);

		retired.disposeIdle();
		assertThat(retired.size()).isEqualTo(1);

		finish.countDown();
		assertThat(request.get(30, TimeUnit.SECONDS).presetId()).isEqualTo("only");
		retired.disposeIdle();
		assertThat(retired.size()).isZero();
	}

	/** Called from the test guide's consequence. */
	public static void holdEvaluation() throws InterruptedException {
		evaluating.countDown();
		finish.await(30, TimeUnit.SECONDS);
	}

	private static GuideSource guide(String consequence) {
		String drl = """
				package guides.retired;

				import dev.loraguide.guide.fact.ActorDataset;
				import dev.loraguide.guide.fact.TrainingPlan;
				import dev.loraguide.guide.RetiredRevisionsTests;

				rule "One preset for every dataset"
				when
				    ActorDataset( imageCount >= 1 )
				    $plan : TrainingPlan()
				then
				    %s
				    modify( $plan ) { setPresetId( "only" ) }
				end
				""".formatted(consequence);
		TreeMap<String, String> files = new TreeMap<>(Map.of("rules.drl", drl));
		return new GuideSource("retired", Path.of("retired"), files, Revision.of(files));
	}

}
