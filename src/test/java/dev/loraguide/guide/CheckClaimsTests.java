package dev.loraguide.guide;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Replicas sharing a folder of verdicts check a new revision once: the first claims the
 * check, the others wait for its verdict, and check on their own only when the claim ends
 * without one. Each gate here has a JVM map of its own, so it stands for a replica; the
 * check processes are scripts that count their runs ({@link ScriptedChecks}), and the
 * claimer's check lasts until the test releases it.
 */
@ExtendWith(OutputCaptureExtension.class)
class CheckClaimsTests {

	/** Small bounds: no check here runs long, and no wait outlasts them. */
	private static final Duration TIME_LIMIT = Duration.ofSeconds(1);

	private static final int MAX_RULE_FIRINGS = 1000;

	private static final String WAITING = "waiting for its verdict";

	@TempDir
	Path temp;

	private Path guide;

	private Path folder;

	private Path release;

	private ScriptedChecks checks;

	@BeforeEach
	void guideFolder() throws IOException {
		this.guide = Files.createDirectories(this.temp.resolve("rules/flux-lora"));
		Files.writeString(this.guide.resolve("defaults.drl"), "// the rules\n");
		this.folder = this.temp.resolve("verdicts");
		this.release = this.temp.resolve("release");
		this.checks = new ScriptedChecks(this.temp);
	}

	@Test
	void liveClaimMakesAnotherReplicaWaitAndServeItsVerdict(CapturedOutput output) throws Exception {
		CompletableFuture<GuideVerdict> claimer = checkAsync(replica(
				this.checks.reportingOnceReleased(PassedVerdictsTests.passedVerdict(revision()), 0, this.release)));
		await().atMost(Duration.ofSeconds(10)).until(() -> claims().size() == 1);

		CompletableFuture<GuideVerdict> waiter = checkAsync(replica(this.checks.mustNotRun()));
		await().atMost(Duration.ofSeconds(10)).until(() -> output.getOut().contains(WAITING));
		Files.createFile(this.release);

		assertThat(waiter.get(10, TimeUnit.SECONDS).passed()).isTrue();
		assertThat(claimer.get(10, TimeUnit.SECONDS).passed()).isTrue();
		assertThat(this.checks.runs()).as("check processes run").isEqualTo(1);
		assertThat(claims()).isEmpty();
	}

	@Test
	void refusedCheckLeavesNoClaimAndTheWaiterChecksOnItsOwn(CapturedOutput output) throws Exception {
		CompletableFuture<GuideVerdict> claimer = checkAsync(replica(this.checks
			.reportingOnceReleased(PassedVerdictsTests.failedVerdict(revision()), GuideCheck.FAILED, this.release)));
		await().atMost(Duration.ofSeconds(10)).until(() -> claims().size() == 1);

		CompletableFuture<GuideVerdict> waiter = checkAsync(
				replica(this.checks.reporting(PassedVerdictsTests.passedVerdict(revision()), GuideCheck.PASSED)));
		await().atMost(Duration.ofSeconds(10)).until(() -> output.getOut().contains(WAITING));
		Files.createFile(this.release);

		assertThat(claimer.get(10, TimeUnit.SECONDS).passed()).isFalse();
		assertThat(waiter.get(10, TimeUnit.SECONDS).passed()).isTrue();
		assertThat(output.getOut()).contains("ended without a passed verdict; checking here");
		assertThat(this.checks.runs()).as("check processes run").isEqualTo(2);
		assertThat(claims()).isEmpty();
	}

	@Test
	void claimOlderThanAnyCheckIsTakenOver() throws Exception {
		Path left = claimByAnotherReplica();
		Files.setLastModifiedTime(left, FileTime.from(Instant.now().minus(Duration.ofHours(1))));

		GuideVerdict verdict = replica(
				this.checks.reporting(PassedVerdictsTests.passedVerdict(revision()), GuideCheck.PASSED))
			.check(source());

		assertThat(verdict.passed()).isTrue();
		assertThat(this.checks.runs()).isEqualTo(1);
		assertThat(claims()).isEmpty();
	}

	@Test
	void claimGoneWithoutAVerdictIsCheckedHere(CapturedOutput output) throws Exception {
		Path live = claimByAnotherReplica();
		CompletableFuture<GuideVerdict> waiter = checkAsync(
				replica(this.checks.reporting(PassedVerdictsTests.passedVerdict(revision()), GuideCheck.PASSED)));
		await().atMost(Duration.ofSeconds(10)).until(() -> output.getOut().contains(WAITING));

		Files.delete(live);

		assertThat(waiter.get(10, TimeUnit.SECONDS).passed()).isTrue();
		assertThat(this.checks.runs()).isEqualTo(1);
		assertThat(claims()).isEmpty();
	}

	@Test
	void claimNoLongerRefreshedIsTakenOver(CapturedOutput output) throws Exception {
		claimByAnotherReplica();
		GuideGate replica = new GuideGate(settings(), MAX_RULE_FIRINGS,
				this.checks.reporting(PassedVerdictsTests.passedVerdict(revision()), GuideCheck.PASSED), passed(),
				new ConcurrentHashMap<>(), Duration.ofMillis(500));

		GuideVerdict verdict = replica.check(source());

		assertThat(output.getOut()).contains(WAITING, "has not been refreshed for 500 ms: its check stopped");
		assertThat(verdict.passed()).isTrue();
		assertThat(this.checks.runs()).isEqualTo(1);
		assertThat(claims()).isEmpty();
	}

	@Test
	void stoppingServiceEndsTheWaitAtOnce(CapturedOutput output) throws Exception {
		claimByAnotherReplica();
		GuideGate replica = replica(this.checks.mustNotRun());
		CompletableFuture<GuideVerdict> waiter = checkAsync(replica);
		await().atMost(Duration.ofSeconds(10)).until(() -> output.getOut().contains(WAITING));

		replica.close();

		GuideVerdict verdict = waiter.get(2, TimeUnit.SECONDS);
		assertThat(verdict.passed()).isFalse();
		assertThat(verdict.problems().get(0).message()).contains("the service is stopping");
		assertThat(this.checks.runs()).isZero();
	}

	/** A live claim, as another replica checking this revision would have made it. */
	private Path claimByAnotherReplica() throws IOException {
		Path claim = passed().claimFile(revision());
		Files.createDirectories(this.folder);
		Files.writeString(claim,
				"{\"holder\":\"4242@elsewhere\",\"claimedAt\":\"" + Instant.now() + "\",\"token\":\"theirs\"}");
		return claim;
	}

	private CompletableFuture<GuideVerdict> checkAsync(GuideGate replica) {
		GuideSource source = source();
		return CompletableFuture.supplyAsync(() -> replica.check(source));
	}

	/** A replica: a gate with a JVM of its own, sharing the folder of verdicts. */
	private GuideGate replica(CheckCommandLine check) {
		return new GuideGate(settings(), MAX_RULE_FIRINGS, check, passed(), new ConcurrentHashMap<>());
	}

	private PassedVerdicts passed() {
		return new PassedVerdicts(settings(), MAX_RULE_FIRINGS, () -> "build-1");
	}

	private GuidesProperties.Gate settings() {
		GuidesProperties.Gate defaults = GuidesProperties.Gate.defaults();
		return new GuidesProperties.Gate(TIME_LIMIT, defaults.heap(), defaults.maxFileSize(), defaults.p99Budget(),
				this.folder.toString());
	}

	private GuideSource source() {
		return GuideSource.read(this.guide);
	}

	private String revision() {
		return source().revision();
	}

	private List<Path> claims() throws IOException {
		if (!Files.exists(this.folder)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(this.folder)) {
			return files.filter((file) -> file.toString().endsWith(".claim")).toList();
		}
	}

}
