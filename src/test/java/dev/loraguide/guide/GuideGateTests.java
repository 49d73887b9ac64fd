package dev.loraguide.guide;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.loraguide.TestCredentials;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.annotation.DirtiesContext.ClassMode;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Edits an ML lead can make by mistake cannot jam the service: each guide here is a copy
 * of {@code legacy-defaults} that serves, then gets one hostile edit, all at once. Each
 * test shows for its edit that the last good revision keeps serving, the reason is in the
 * guide's status and in health, and the service stays healthy; another guide's edit goes
 * live meanwhile. A looping guide is there from start-up and is skipped. The gate's time
 * limit is lowered so the looping check is stopped sooner.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "guides.scan-interval=100ms", "guides.retire-after=1s",
				"guides.gate.time-limit=" + GuideGateTests.TIME_LIMIT_SECONDS + "s", "guides.gate.heap=128MB" })
@AutoConfigureRestTestClient
@DirtiesContext(classMode = ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GuideGateTests {

	/**
	 * Of CPU time: a sound guide's check uses about 12 s, a loop uses it in about 30 s.
	 */
	static final int TIME_LIMIT_SECONDS = 30;

	/** The wall-clock limit of a check, plus room for the compile that follows it. */
	private static final Duration DEADLINE = Duration
		.ofSeconds(TIME_LIMIT_SECONDS * CheckTimeLimit.WALL_CLOCK_FACTOR + 30);

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	private static final String SOUND_PRESET_RULE = "ActorDataset( imageCount >= 1 )";

	private static final String TRIGGER_TOKEN = "$plan.setTriggerToken( $name );";

	/** A rule that fires in every evaluation, once the preset is chosen. */
	private static final String EVERY_EVALUATION = "\nrule \"%s\"\nwhen\n    $plan : TrainingPlan( presetId != null )\n"
			+ "then\n%s\nend\n";

	private static final String LOOP = EVERY_EVALUATION.formatted("Wait for the plan",
			"    while ( $plan != null ) { }");

	private static final String FILL_THE_HEAP = EVERY_EVALUATION.formatted("Keep every plan",
			"    java.util.List<long[]> kept = new java.util.ArrayList<>();\n"
					+ "    while ( kept.size() >= 0 ) { kept.add( new long[ 1000000 ] ); }");

	private static final String RECURSION = "\nfunction int deeper( int depth ) { return deeper( depth + 1 ) + 1; }\n"
			+ EVERY_EVALUATION.formatted("Go deeper", "    $plan.addWarning( \"depth\", \"\" + deeper( 1 ) );");

	private static final String SLOW = EVERY_EVALUATION.formatted("Think hard",
			"    double sum = 0;\n    for ( int i = 0; i < 20000000; i++ ) { sum += Math.sqrt( i ); }\n"
					+ "    if ( sum < 0 ) { $plan.addWarning( \"never\", \"\" ); }");

	/**
	 * Made here, not by {@code @TempDir}: with one test instance per class, Spring starts
	 * the service (and reads this folder) before JUnit fills static temporary folders.
	 */
	private static Path rulesDir;

	private static RulesFolder rules;

	private final Map<String, String> goodRevisions = new java.util.HashMap<>();

	@Autowired
	private RestTestClient http;

	@DynamicPropertySource
	static void rulesFolder(DynamicPropertyRegistry properties) throws IOException {
		rulesDir = Files.createTempDirectory("guide-gate-tests");
		rules = RulesFolder.copyInto(rulesDir);
		for (String id : List.of("loop", "heap", "recursion", "huge", "slow", "gap", "long-names", "fails-at-request",
				"other")) {
			rules.copyGuide("legacy-defaults", id);
		}
		append(rules.copyGuide("legacy-defaults", "loop-at-start"), LOOP);
		// Fails only at request time, for inputs the gate does not try.
		Path failsAtRequest = rules.guide("fails-at-request").resolve("defaults.drl");
		RulesFolder.replace(failsAtRequest, SOUND_PRESET_RULE,
				"ActorDataset( imageCount >= 1, actorName != \"Hole\" )");
		RulesFolder.replace(failsAtRequest, TRIGGER_TOKEN,
				"if ( $name.equals( \"Bobby Tables\" ) ) { $name.substring( 5, 2 ); }\n    " + TRIGGER_TOKEN);
		properties.add("guides.dir", rulesDir::toString);
	}

	@AfterAll
	static void removeRulesFolder() throws IOException {
		FileSystemUtils.deleteRecursively(rulesDir);
	}

	@BeforeAll
	void editEveryGuideAtOnce() {
		for (String id : List.of("loop", "heap", "recursion", "huge", "slow", "gap", "long-names", "other")) {
			this.goodRevisions.put(id, (String) guides().details(id).get("revision"));
		}
		append(rules.guide("loop"), LOOP);
		append(rules.guide("heap"), FILL_THE_HEAP);
		append(rules.guide("recursion"), RECURSION);
		append(rules.guide("slow"), SLOW);
		RulesFolder.write(rules.guide("huge").resolve("huge.drl"), "// padding\n".repeat(50 * 1024 * 1024 / 11));
		RulesFolder.replace(rules.guide("gap").resolve("defaults.drl"), SOUND_PRESET_RULE,
				"ActorDataset( imageCount >= 1, imageCount != 54321 )");
		RulesFolder.replace(rules.guide("long-names").resolve("defaults.drl"), TRIGGER_TOKEN,
				"$plan.setTriggerToken( ( $name.length() > 60 ) ? $name.substring( 0, 60 - $name.length() ) : $name );");
		RulesFolder.replace(rules.guide("other").resolve("defaults.drl"), "setLearningRate( 0.0004 )",
				"setLearningRate( 0.0005 )");
		RulesFolder.replace(rules.guide("other").resolve("cases.yaml"), "learningRate: 0.0004", "learningRate: 0.0005");
	}

	@Test
	void anotherGuidesEditGoesLiveWhileTheHostileOnesAreChecked() {
		await().atMost(DEADLINE).untilAsserted(() -> assertThat(learningRate("other", 20)).isEqualTo(0.0005));
	}

	@Test
	void endlessLoopIsKilledAtTheTimeLimit() {
		assertRefusedAndStillServing("loop", "did not finish within its " + TIME_LIMIT_SECONDS + " s of CPU time");
	}

	@Test
	void filledHeapIsRefused() {
		assertRefusedAndStillServing("heap", "ran out of memory");
	}

	@Test
	void endlessRecursionIsRefused() {
		assertRefusedAndStillServing("recursion", "recursed without end (stack overflow)");
	}

	@Test
	void fileOverTheSizeLimitIsRefusedUnread() {
		assertRefusedAndStillServing("huge", "huge.drl:0:0: the file is 50.0 MB, over the 2.0 MB limit");
	}

	@Test
	void ruleOverTheEvaluationBudgetIsRefusedWithTheFigure() {
		assertRefusedAndStillServing("slow", "ms budget (guides.gate.p99-budget)");
		assertThat(healthProblems("slow")).containsPattern("p99 evaluation time is at least [0-9.]+ ms");
	}

	@Test
	void gapAtAnUnsampledImageCountIsRefused() {
		assertRefusedAndStillServing("gap", "no preset for 54321 images");
	}

	@Test
	void ruleThatThrowsForLongActorNamesIsRefused() {
		assertRefusedAndStillServing("long-names",
				"threw java.lang.StringIndexOutOfBoundsException: begin 0, end -140, length 200 "
						+ "evaluating 1 images for an actor name of 200 characters");
	}

	@Test
	void hostileGuidePresentAtStartUpIsSkippedWithItsReason() {
		assertThat(healthProblems("loop-at-start")).contains("did not finish within");
		assertThat(guides().health()).containsEntry("status", "UP");
		assertThat(guides().details("loop-at-start").get("status")).isNotEqualTo("serving");
		recommendation("loop-at-start", 20, "Ada").expectStatus().isNotFound();
	}

	@Test
	void ruleThatThrowsAtRequestTimeGetsAProblemWithACorrelationIdAndNoExceptionText() {
		String body = recommendation("fails-at-request", 20, "Bobby Tables").expectStatus()
			.is5xxServerError()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		assertThat(body).contains("\"code\":\"guide_failed\"")
			.containsPattern("\"correlationId\":\"[0-9a-f-]{36}\"")
			.doesNotContain("Exception")
			.doesNotContain("java.")
			.doesNotContain("substring");
	}

	@Test
	void evaluationThatLeavesParametersUnsetGetsAProblemNotAnAnswerWithHoles() {
		Map<String, Object> problem = recommendation("fails-at-request", 20, "Hole").expectStatus()
			.is5xxServerError()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();

		assertThat(problem).containsEntry("code", "guide_incomplete").containsKey("correlationId");
		assertThat((String) problem.get("detail")).contains("no value for preset, maxTrainSteps, learningRate");
	}

	private void assertRefusedAndStillServing(String id, String reason) {
		await().atMost(DEADLINE).until(() -> "refused".equals(guides().details(id).get("status")));
		Map<String, Object> details = guides().details(id);
		assertThat(details.get("revision")).isEqualTo(this.goodRevisions.get(id));
		assertThat(located(details.get("problems"))).contains(reason);
		assertThat(healthProblems(id)).contains(reason);
		assertThat(learningRate(id, 20)).isEqualTo(0.0004);
		assertThat(guides().health()).containsEntry("status", "UP");
	}

	/**
	 * The API's problems as {@code file:line:column: message}, as health and logs show
	 * them.
	 */
	@SuppressWarnings("unchecked")
	private static String located(Object problems) {
		return ((List<Map<String, Object>>) problems).stream()
			.map((problem) -> new GuideProblem((String) problem.get("file"), (Integer) problem.get("line"),
					(Integer) problem.get("column"), (String) problem.get("message"))
				.toString())
			.collect(Collectors.joining("\n"));
	}

	private static void append(Path guide, String drl) {
		Path file = guide.resolve("defaults.drl");
		RulesFolder.write(file, RulesFolder.read(file) + drl);
	}

	private String healthProblems(String id) {
		return String.valueOf(guides().health(id).get("problems"));
	}

	private RestTestClient.ResponseSpec recommendation(String guide, int imageCount, String actorName) {
		return this.http.post()
			.uri("/api/v1/recommendations")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("guide", guide, "actor", Map.of("name", actorName), "dataset",
					Map.of("imageCount", imageCount)))
			.exchange();
	}

	@SuppressWarnings("unchecked")
	private double learningRate(String guide, int imageCount) {
		Map<String, Object> answer = recommendation(guide, imageCount, "Ada").expectStatus()
			.isOk()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
		return (Double) ((Map<String, Object>) answer.get("parameters")).get("learningRate");
	}

	private GuidesOverHttp guides() {
		return new GuidesOverHttp(this.http);
	}

}
