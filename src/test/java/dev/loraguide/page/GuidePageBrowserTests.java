package dev.loraguide.page;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import dev.loraguide.ApiClient;
import dev.loraguide.TestCredentials;
import dev.loraguide.experiment.RulesFolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.annotation.DirtiesContext.ClassMode;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guide page in a real browser against the running service: every view draws what the
 * public API returns, logs no error, asks nothing of another host and passes axe-core's
 * serious and critical checks. Screenshots of each view are kept under
 * {@code target/page-screenshots/}. The rules folder holds the shipped guides, a guide
 * whose rules do not compile, and a running 50/50 experiment with outcomes.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = ClassMode.AFTER_CLASS)
class GuidePageBrowserTests {

	private static final String BROKEN = "broken";

	@TempDir
	static Path rulesDir;

	private static Browser browser;

	@LocalServerPort
	private int port;

	private ApiClient api;

	private String base;

	@DynamicPropertySource
	static void rulesFolder(DynamicPropertyRegistry registry) throws IOException {
		RulesFolder.serve(rulesDir, RulesFolder.LR_GENTLE_50_50, registry);
		Path broken = Files.createDirectories(rulesDir.resolve(BROKEN));
		RulesFolder.write(broken.resolve("presets.drl"),
				"package guides.broken;\n\nrule \"Preset A\"\nwhen\n    nonsense(\nthen\nend\n");
		RulesFolder.write(broken.resolve("guide.yaml"), "description: a guide whose rules do not compile\n");
	}

	@BeforeAll
	static void startBrowser() {
		browser = new Browser();
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.close();
		}
	}

	@BeforeEach
	void seedOnce() {
		this.api = new ApiClient(this.port);
		this.base = "http://127.0.0.1:" + this.port + "/";
		if (this.api.get("/api/v1/experiments/lr-gentle/results")
			.json()
			.path("variants")
			.get(0)
			.path("assignments")
			.asLong() > 0) {
			return;
		}
		for (int actor = 0; actor < 40; actor++) {
			JsonNode answer = this.api
				.postJson("/api/v1/recommendations",
						"{\"actor\": {\"id\": \"actor-" + actor + "\"}, \"dataset\": {\"imageCount\": 20}}")
				.json();
			this.api.postJsonAs("/api/v1/recommendations/" + answer.path("recommendationId").asString() + "/outcomes",
					TestCredentials.REPORTER,
					"{\"metric\": \"likeness\", \"value\": " + (0.5 + (actor % 7) * 0.05) + "}");
		}
	}

	@AfterEach
	void noConsoleErrorAndNoRequestLeavingTheHost() {
		assertThat(browser.consoleErrors()).as("console errors").isEmpty();
		// The browser's own pages (chrome://) are no network requests.
		assertThat(browser.requestedUrls()).as("network requests")
			.filteredOn((url) -> url.matches("(?i)(https?|wss?|ftp):.*"))
			.allSatisfy((url) -> assertThat(url).startsWith(this.base));
	}

	@Test
	void servesThePageWithAPolicyThatKeepsEverythingOnTheService() {
		ApiClient.Reply page = this.api.get("/");

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("webjars/uplot/").doesNotContain("<style").doesNotContain("style=");
		assertThat(this.api.get("/page/page.js").status()).isEqualTo(200);
		assertThat(this.api.get("/webjars/uplot/dist/uPlot.iife.min.js").status()).isEqualTo(200);
		assertThat(contentSecurityPolicy()).isEqualTo("default-src 'self'");
	}

	@Test
	void thePageLoadsEveryModuleAsOneScript() throws IOException {
		String page = this.api.get("/").body();
		JsonNode sourceMap = this.api.get("/page/page.js.map").json();

		assertThat(page).contains("<script src=\"page/page.js\" defer></script>").doesNotContain("type=\"module\"");
		try (Stream<Path> files = Files.list(Path.of("src/main/js"))) {
			assertThat(files.map((file) -> file.getFileName().toString())).isNotEmpty()
				.allSatisfy((module) -> assertThat(sourceMap.get("sources").valueStream().map(JsonNode::asString))
					.anySatisfy((source) -> assertThat(source).endsWith("src/main/js/" + module)));
		}
	}

	@Test
	void thePageAsksForTheGuideListBesideItsScripts() {
		assertThat(this.api.get("/").body())
			.contains("<link rel=\"preload\" href=\"api/v1/guides\" as=\"fetch\" crossorigin>");
	}

	@Test
	void thePageHasTheBrowserAskForTheDefaultGuidesAnswersBesideItsScripts() {
		String revision = this.api.get("/api/v1/guides/flux-lora").json().path("revision").asString();

		assertThat(this.api.get("/").headers().get("link")).containsExactly(
				"<api/v1/guides/flux-lora>; rel=preload; as=fetch; crossorigin",
				"<api/v1/guides/flux-lora/curves?revision=" + revision + ">; rel=preload; as=fetch; crossorigin");
	}

	@Test
	void theGuideViewTakesThePreloadedCurvesInsteadOfAskingAgain() {
		open("guide");
		browser.waiting().until((driver) -> chartsDrawn("guide-charts") == 6);

		assertThat(browser
			.script("""
					return performance.getEntriesByType('resource').filter((entry) => entry.name.includes('/curves')).length;"""))
			.isEqualTo(1L);
	}

	@Test
	void guideViewDrawsEveryParameterOfTheServingRevision() {
		open("guide");
		browser.waiting().until((driver) -> chartsDrawn("guide-charts") == 6);

		JsonNode guide = this.api.get("/api/v1/guides/flux-lora").json();
		int points = this.api.get("/api/v1/guides/flux-lora/curves").json().path("points").size();
		assertThat(browser.driver().findElements(By.cssSelector("#guide-charts figure.chart")))
			.extracting((figure) -> figure.getDomAttribute("data-points"))
			.containsOnly(String.valueOf(points));
		assertThat(text("guide-status")).contains(guide.path("revision").asString()).contains("serving");
		assertThat(browser.driver().findElements(By.cssSelector("#guide-presets tbody tr")))
			.hasSize(guide.path("presets").size());
		assertThat(guideViewDrawn()).containsEntry("guide", "flux-lora")
			.containsEntry("revision", guide.path("revision").asString());
		browser.screenshot("guide");
		assertThat(browser.seriousViolations()).isEmpty();
	}

	@Test
	void refusedGuideShowsItsProblemsWithFileAndLine() {
		open("guide");
		new Select(byId("guide-select")).selectByValue(BROKEN);
		browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("guide-problems")));

		JsonNode problem = this.api.get("/api/v1/guides/" + BROKEN).json().path("problems").get(0);
		assertThat(problem.path("line").asInt()).isPositive();
		assertThat(text("guide-problem-list"))
			.contains(problem.path("file").asString() + ":" + problem.path("line").asInt() + ":");
		assertThat(text("guide-status")).contains("refused");
		browser.screenshot("guide-refused");
		assertThat(browser.seriousViolations()).isEmpty();
	}

	@Test
	void compareViewShowsTheRangesOfTheDiffEndpoint() {
		open("compare");
		browser.waiting()
			.until((driver) -> chartsDrawn("compare-charts") == 6
					&& !driver.findElements(By.cssSelector("#compare-diff tbody tr")).isEmpty());

		JsonNode diff = this.api.get("/api/v1/guides/flux-lora/diff?against=legacy-defaults").json();
		List<String> expected = new ArrayList<>();
		diff.path("ranges").forEach((range) -> expected.add(range.path("text").asString()));
		List<String> shown = browser.driver()
			.findElements(By.cssSelector("#compare-diff tbody tr"))
			.stream()
			.map((row) -> row.findElement(By.tagName("th")).getText() + ": "
					+ row.findElement(By.tagName("td")).getText())
			.toList();
		assertThat(shown).isEqualTo(expected);
		browser.screenshot("compare");
		assertThat(browser.seriousViolations()).isEmpty();
	}

	@Test
	void tryViewShowsTheAnswerOfTheApiForTheImageCountTyped() {
		open("try");
		for (int imageCount : new int[] { 23, 45, 1200 }) {
			WebElement count = byId("try-image-count");
			count.sendKeys(Keys.chord(Keys.CONTROL, "a"), String.valueOf(imageCount), Keys.ENTER);
			JsonNode answer = this.api
				.postJson("/api/v1/recommendations", "{\"dataset\": {\"imageCount\": " + imageCount + "}}")
				.json();
			browser.waiting().until((driver) -> answer.path("summary").asString().equals(shownAnswer().get("summary")));

			Map<String, String> shown = shownAnswer();
			answer.path("parameters").properties().forEach((parameter) -> {
				if (parameter.getValue().isNumber()) {
					assertThat(Double.parseDouble(shown.get(parameter.getKey()))).as(parameter.getKey())
						.isEqualTo(parameter.getValue().asDouble());
				}
				else {
					assertThat(shown.get(parameter.getKey())).as(parameter.getKey())
						.isEqualTo(parameter.getValue().asString());
				}
			});
			assertThat(shown.get("facts")).contains(answer.path("preset").path("id").asString())
				.contains(answer.path("guide").path("revision").asString());
			answer.path("firedRules").forEach((rule) -> assertThat(shown.get("fired")).contains(rule.asString()));
		}
		browser.screenshot("try");
		assertThat(browser.seriousViolations()).isEmpty();
	}

	/**
	 * The answer the Try view shows, read in one script: the view redraws as a whole, so
	 * reading it element by element could mix two answers.
	 */
	@SuppressWarnings("unchecked")
	private Map<String, String> shownAnswer() {
		return (Map<String, String>) browser.script("""
				const shown = { summary: document.getElementById('try-summary').textContent,
				  facts: document.getElementById('try-facts').textContent,
				  fired: document.getElementById('try-fired').textContent };
				document.querySelectorAll('[id^="try-value-"]').forEach((cell) => {
				  shown[cell.id.substring('try-value-'.length)] = cell.textContent;
				});
				return shown;""");
	}

	@Test
	void experimentsViewShowsTheIntervalsOfTheResultsEndpoint() {
		open("experiments");
		browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("td[data-metric]")));

		JsonNode results = this.api.get("/api/v1/experiments/lr-gentle/results").json();
		results.path("variants").forEach((variant) -> {
			JsonNode ci = variant.path("metrics").path("likeness").path("ci95");
			assertThat(ci.isObject()).as("the seeded outcomes give %s an interval", variant.path("name")).isTrue();
			WebElement cell = browser.driver()
				.findElement(By.cssSelector(
						"tr[data-variant='" + variant.path("name").asString() + "'] td[data-metric='likeness']"));
			assertThat(Double.parseDouble(cell.getDomAttribute("data-lower"))).isEqualTo(ci.path("lower").asDouble());
			assertThat(Double.parseDouble(cell.getDomAttribute("data-upper"))).isEqualTo(ci.path("upper").asDouble());
			assertThat(cell.getText())
				.contains(String.valueOf(variant.path("metrics").path("likeness").path("count").asLong()));
		});
		assertThat(chartsDrawn("experiments-list")).isEqualTo(1);
		assertThat(text("experiments-list")).containsAnyOf("Sample ratio matches", "Sample-ratio mismatch");
		browser.screenshot("experiments");
		assertThat(browser.seriousViolations()).isEmpty();
	}

	@Test
	void viewsAreReachedByKeyboard() {
		open("guide");
		browser.waiting().until((driver) -> chartsDrawn("guide-charts") == 6);
		WebElement tryLink = byId("nav-try");
		tryLink.sendKeys(Keys.ENTER);

		browser.waiting().until((driver) -> byId("view-try").isDisplayed());
		assertThat(tryLink.getDomAttribute("aria-current")).isEqualTo("page");
		for (WebElement input : browser.driver().findElements(By.cssSelector("input, select"))) {
			String id = input.getDomAttribute("id");
			assertThat(browser.driver().findElements(By.cssSelector("label[for='" + id + "']"))).as("label of %s", id)
				.hasSize(1);
		}
	}

	private void open(String view) {
		browser.driver().get(this.base + "#" + view);
		browser.driver().navigate().refresh();
		browser.waiting()
			.until((driver) -> view.equals(driver.findElement(By.tagName("body")).getDomAttribute("data-ready")));
	}

	/** How many charts of a container were given points and drew some pixels. */
	private long chartsDrawn(String containerId) {
		Object drawn = browser.script("""
				return [...document.querySelectorAll('#' + arguments[0] + ' figure.chart')].filter((figure) => {
				  const canvas = figure.querySelector('canvas');
				  if (!canvas || !(Number(figure.dataset.points) > 0)) return false;
				  const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
				  for (let i = 3; i < pixels.length; i += 4) { if (pixels[i] > 0) return true; }
				  return false;
				}).length;""", containerId);
		return ((Number) drawn).longValue();
	}

	/**
	 * What the page's 'guide-view-drawn' mark names, the moment bench/page-speed.sh
	 * times; prints when it came, for the report (not a test).
	 */
	@SuppressWarnings("unchecked")
	private Map<String, Object> guideViewDrawn() {
		Map<String, Object> mark = (Map<String, Object>) browser.script("""
				const mark = performance.getEntriesByName('guide-view-drawn')[0];
				return Object.assign({ at: mark.startTime }, mark.detail);""");
		System.out.printf(Locale.ROOT, "guide view drawn %.0f ms after navigation%n",
				((Number) mark.get("at")).doubleValue());
		return mark;
	}

	private String contentSecurityPolicy() {
		try {
			HttpResponse<Void> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(this.base)).build(), HttpResponse.BodyHandlers.discarding());
			return response.headers().firstValue("Content-Security-Policy").orElse(null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private WebElement byId(String id) {
		return browser.driver().findElement(By.id(id));
	}

	private String text(String id) {
		return byId(id).getText();
	}

}
