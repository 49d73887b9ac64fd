package dev.loraguide.guide;

import dev.loraguide.guide.cases.GuideCases;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import dev.loraguide.TestCredentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.annotation.DirtiesContext.ClassMode;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The running service follows its rules folder: real HTTP against a real server whose
 * {@code guides.dir} is a copy of {@code rules/} that the tests edit as an ML lead would.
 * Each test works on a guide folder of its own, so the tests do not depend on each
 * other's order. The context is closed with the class, before its rules folder is
 * deleted.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "guides.admin-token=" + LiveGuidesTests.ADMIN_TOKEN, "guides.scan-interval=100ms",
				"guides.retire-after=1s" })
@AutoConfigureRestTestClient
@Import(LiveGuidesTests.FolderChanges.class)
@DirtiesContext(classMode = ClassMode.AFTER_CLASS)
class LiveGuidesTests {

	static final String ADMIN_TOKEN = "test-admin-token";

	/**
	 * Far above what the service promises, because each edit is checked in a JVM of its
	 * own and the build machine is shared and slow.
	 */
	private static final Duration DEADLINE = Duration.ofSeconds(120);

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	@TempDir
	static Path rulesDir;

	private static RulesFolder rules;

	@Autowired
	private RestTestClient http;

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private FolderChanges folderChanges;

	@DynamicPropertySource
	static void rulesFolder(DynamicPropertyRegistry properties) {
		rules = RulesFolder.copyInto(rulesDir);
		properties.add("guides.dir", rulesDir::toString);
	}

	@Test
	void editedGuideIsLiveWithoutRestart() {
		Path guide = newGuide("flux-lora", "edited");
		changeLearningRateOfPresetB(guide, "0.00025", "0.0003");

		await().atMost(DEADLINE).untilAsserted(() -> assertThat(learningRateAt20Images("edited")).isEqualTo(0.0003));
	}

	@Test
	void addedGuideIsServed() {
		newGuide("legacy-defaults", "added");

		assertThat(recommend("added", 20)).extracting("preset").extracting("id").isEqualTo("legacy");
	}

	@Test
	void removedGuideIsNoLongerServed() {
		Path guide = newGuide("legacy-defaults", "removed-soon");
		RulesFolder.delete(guide);

		await().atMost(DEADLINE)
			.untilAsserted(
					() -> this.http.get().uri("/api/v1/guides/removed-soon").exchange().expectStatus().isNotFound());
		recommendation("removed-soon", 20).expectStatus().isNotFound();
	}

	@Test
	void brokenEditKeepsLastGoodRevisionAndShowsTheLine() {
		Path guide = newGuide("flux-lora", "broken-edit");
		String good = revisionOf("broken-edit");
		breakSyntax(guide);

		await().atMost(DEADLINE).until(() -> "refused".equals(guides().details("broken-edit").get("status")));
		assertThat(guides().details("broken-edit")).satisfies((details) -> {
			assertThat(details.get("revision")).isEqualTo(good);
			assertThat(problems(details)).anySatisfy((problem) -> {
				assertThat(problem).containsEntry("file", "presets.drl");
				assertThat((Integer) problem.get("line")).isGreaterThan(0);
			});
		});
		Map<String, Object> answer = recommend("broken-edit", 20);
		assertThat(answer).extracting("guide").extracting("revision").isEqualTo(good);
		assertThat(answer).extracting("parameters").extracting("learningRate").isEqualTo(0.00025);
		assertThat(guides().health("broken-edit")).satisfies((health) -> {
			assertThat(health).containsEntry("revision", good);
			assertThat(health.get("problems")).asString().contains("presets.drl:24:");
		});
	}

	@Test
	void fixAfterBrokenEditGoesLive() {
		Path guide = newGuide("flux-lora", "fixed");
		breakSyntax(guide);
		await().atMost(DEADLINE).until(() -> "refused".equals(guides().details("fixed").get("status")));

		RulesFolder.replace(guide.resolve("presets.drl"), "imageCount <= )", "imageCount <= 30 )");
		changeLearningRateOfPresetB(guide, "0.00025", "0.0003");

		await().atMost(DEADLINE).until(() -> "serving".equals(guides().details("fixed").get("status")));
		assertThat(problems(guides().details("fixed"))).isEmpty();
		assertThat(learningRateAt20Images("fixed")).isEqualTo(0.0003);
	}

	@Test
	void brokenGuideThenNewGuideAreBothHandled() {
		breakSyntax(newGuide("flux-lora", "guide-a"));
		await().atMost(DEADLINE).until(() -> "refused".equals(guides().details("guide-a").get("status")));

		newGuide("legacy-defaults", "guide-b");

		assertThat(guides().details("guide-a").get("status")).isEqualTo("refused");
		assertThat(recommend("guide-b", 20)).extracting("preset").extracting("id").isEqualTo("legacy");
	}

	@Test
	void burstOfSavesIsOneReload() throws InterruptedException {
		Path guide = newGuide("flux-lora", "burst");
		String before = revisionOf("burst");
		double reloadsBefore = reloads("burst", "activated") + reloads("burst", "refused");

		// An editor saving three files one after the other; the first alone would fail
		// the cases.
		RulesFolder.replace(guide.resolve("presets.drl"), "setLearningRate( 0.00025 )", "setLearningRate( 0.0003 )");
		Thread.sleep(20);
		RulesFolder.replace(guide.resolve("cases.yaml"), "learningRate: 0.00025", "learningRate: 0.0003");
		Thread.sleep(20);
		RulesFolder.replace(guide.resolve("every-preset.drl"), "// What the FLUX", "// Edited: what the FLUX");

		await().atMost(DEADLINE).until(() -> !before.equals(revisionOf("burst")));
		assertThat(reloads("burst", "activated") + reloads("burst", "refused")).isEqualTo(reloadsBefore + 1);
		assertThat(learningRateAt20Images("burst")).isEqualTo(0.0003);
	}

	@Test
	void changedFilesAreAnnouncedIncludingThoseOutsideGuides() {
		RulesFolder.write(rulesDir.resolve("experiments.yaml"), "experiments: []\n");

		await().atMost(DEADLINE).until(() -> this.folderChanges.paths().contains(Path.of("experiments.yaml")));
	}

	@Test
	void reloadOutcomesAreCountedAndOnlyTheServingRevisionIsGauged() {
		Path guide = newGuide("flux-lora", "measured");
		String first = revisionOf("measured");
		changeLearningRateOfPresetB(guide, "0.00025", "0.0003");
		await().atMost(DEADLINE).until(() -> !first.equals(revisionOf("measured")));
		String second = revisionOf("measured");

		String prometheus = this.http.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseBody();

		assertThat(prometheus).contains("lora_guide_reloads_total{guide=\"measured\",outcome=\"activated\"} 2.0")
			.contains("lora_guide_revision{guide=\"measured\",revision=\"" + second + "\"} 1.0")
			.doesNotContain("lora_guide_revision{guide=\"measured\",revision=\"" + first + "\"}");
	}

	@Test
	void adminReloadWithoutTokenIsUnauthorized() {
		this.http.post()
			.uri("/api/v1/admin/guides/reload")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody(JSON)
			.value((problem) -> assertThat(problem).containsEntry("code", "unauthorized"));
	}

	@Test
	void adminReloadWithWrongTokenIsUnauthorized() {
		this.http.post()
			.uri("/api/v1/admin/guides/reload")
			.header(HttpHeaders.AUTHORIZATION, "Bearer not-the-token")
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	@Test
	void adminReloadWithTokenReportsEachGuide() {
		Map<String, Object> report = guides().reload("Bearer " + ADMIN_TOKEN);

		assertThat(guidesOf(report)).anySatisfy((reload) -> {
			assertThat(reload).containsEntry("guide", "flux-lora").containsEntry("outcome", "unchanged");
			assertThat(reload.get("revision")).isEqualTo(revisionOf("flux-lora"));
		});
	}

	@Test
	void everyAnswerDuringFiveReloadsComesWhollyFromOneRevision() throws Exception {
		Path guide = newGuide("legacy-defaults", "hammered");
		// Without cases, each edit of the learning rate is a valid revision on its own.
		Files.delete(guide.resolve(GuideCases.FILE));
		Path drl = guide.resolve("defaults.drl");
		String original = RulesFolder.read(drl);
		Map<String, Double> rateByRevision = new ConcurrentHashMap<>();
		rateByRevision.put(GuideSource.read(guide).revision(), 0.0004);
		await().atMost(DEADLINE).until(() -> rateByRevision.containsKey(revisionOf("hammered")));
		AtomicBoolean reloading = new AtomicBoolean(true);
		List<Answer> answers = new CopyOnWriteArrayList<>();
		ExecutorService clients = Executors.newFixedThreadPool(2);
		for (int i = 0; i < 2; i++) {
			clients.execute(() -> {
				while (reloading.get()) {
					answers.add(answer("hammered"));
				}
			});
		}

		for (int i = 1; i <= 5; i++) {
			String rate = "0.000" + (400 + i);
			RulesFolder.write(drl, original.replace("setLearningRate( 0.0004 )", "setLearningRate( " + rate + " )"));
			String revision = GuideSource.read(guide).revision();
			rateByRevision.put(revision, Double.parseDouble(rate));
			assertThat(guidesOf(guides().reload("Bearer " + ADMIN_TOKEN)))
				.filteredOn((reload) -> reload.get("guide").equals("hammered"))
				.singleElement()
				.extracting((reload) -> reload.get("revision"))
				.isEqualTo(revision);
		}
		reloading.set(false);
		clients.shutdown();
		assertThat(clients.awaitTermination(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isTrue();

		assertThat(answers).isNotEmpty().allSatisfy((answer) -> {
			assertThat(answer.status()).isEqualTo(200);
			assertThat(rateByRevision).containsEntry(answer.revision(), answer.learningRate());
		});
		assertThat(answers.stream().map(Answer::revision).distinct().count()).as("revisions that answered")
			.isGreaterThan(1);
	}

	private Path newGuide(String shipped, String id) {
		Path guide = rules.copyGuide(shipped, id);
		await().atMost(DEADLINE).until(() -> revisionOf(id) != null);
		return guide;
	}

	private static void changeLearningRateOfPresetB(Path guide, String from, String to) {
		RulesFolder.replace(guide.resolve("cases.yaml"), "learningRate: " + from, "learningRate: " + to);
		RulesFolder.replace(guide.resolve("presets.drl"), "setLearningRate( " + from + " )",
				"setLearningRate( " + to + " )");
	}

	private static void breakSyntax(Path guide) {
		RulesFolder.replace(guide.resolve("presets.drl"), "imageCount <= 30 )", "imageCount <= )");
	}

	private String revisionOf(String id) {
		EntityExchangeResult<Map<String, Object>> result = this.http.get()
			.uri("/api/v1/guides/{id}", id)
			.exchange()
			.returnResult(JSON);
		return result.getStatus().is2xxSuccessful() ? (String) result.getResponseBody().get("revision") : null;
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> problems(Map<String, Object> details) {
		return (List<Map<String, Object>>) details.get("problems");
	}

	private RestTestClient.ResponseSpec recommendation(String guide, int imageCount) {
		return this.http.post()
			.uri("/api/v1/recommendations")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("guide", guide, "dataset", Map.of("imageCount", imageCount)))
			.exchange();
	}

	private Map<String, Object> recommend(String guide, int imageCount) {
		return recommendation(guide, imageCount).expectStatus()
			.isOk()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
	}

	@SuppressWarnings("unchecked")
	private double learningRateAt20Images(String guide) {
		return (Double) ((Map<String, Object>) recommend(guide, 20).get("parameters")).get("learningRate");
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> guidesOf(Map<String, Object> report) {
		return (List<Map<String, Object>>) report.get("guides");
	}

	@SuppressWarnings("unchecked")
	private Answer answer(String guide) {
		try {
			EntityExchangeResult<Map<String, Object>> result = recommendation(guide, 20).returnResult(JSON);
			Map<String, Object> body = result.getResponseBody();
			return new Answer(result.getStatus().value(),
					(String) ((Map<String, Object>) body.get("guide")).get("revision"),
					(Double) ((Map<String, Object>) body.get("parameters")).get("learningRate"));
		}
		catch (RuntimeException ex) {
			return new Answer(-1, ex.toString(), null);
		}
	}

	private double reloads(String guide, String outcome) {
		Counter counter = this.meters.find(GuideReloadMetrics.RELOADS)
			.tags("guide", guide, "outcome", outcome)
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

	/**
	 * One answer to a recommendation request.
	 *
	 * @param status HTTP status, -1 when the request itself failed
	 * @param revision the guide revision that answered
	 * @param learningRate the learning rate it recommended
	 */
	private record Answer(int status, String revision, Double learningRate) {
	}

	/** Records every {@link RulesFolderChanged} the service publishes. */
	@TestConfiguration
	static class FolderChanges {

		private final List<RulesFolderChanged> events = new CopyOnWriteArrayList<>();

		@EventListener
		void on(RulesFolderChanged event) {
			this.events.add(event);
		}

		Set<Path> paths() {
			return this.events.stream().flatMap((event) -> event.changed().stream()).collect(Collectors.toSet());
		}

	}

	private GuidesOverHttp guides() {
		return new GuidesOverHttp(this.http);
	}

}
