package dev.loraguide.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every query of the Grafana dashboard reads series that a running service really
 * exports: the metric names, the labels it groups by and the label values it filters on,
 * taken from a scrape of {@code /actuator/prometheus} after one recommendation.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class DashboardMetricsTests {

	/** Labels Prometheus adds to every series when it scrapes a target. */
	private static final Set<String> TARGET_LABELS = Set.of("instance", "job");

	private static final String RECOMMENDATION = """
			{"actor": {"id": "actor-1", "name": "Ada"}, "dataset": {"imageCount": 20}}""";

	@LocalServerPort
	private int port;

	private PrometheusScrape scrape;

	record DashboardQuery(String panel, String expression) {

		@Override
		public String toString() {
			return this.panel + ": " + this.expression;
		}

	}

	static List<DashboardQuery> dashboardQueries() {
		List<DashboardQuery> queries = new ArrayList<>();
		for (JsonNode panel : dashboard().path("panels")) {
			for (JsonNode target : panel.path("targets")) {
				queries
					.add(new DashboardQuery(panel.path("title").stringValue(""), target.path("expr").stringValue("")));
			}
		}
		return queries;
	}

	@BeforeEach
	void scrapeAfterOneRecommendation() {
		ServiceHttp http = new ServiceHttp(this.port);
		assertThat(http.postJson("/api/v1/recommendations", RECOMMENDATION).statusCode()).isEqualTo(200);
		this.scrape = PrometheusScrape.parse(http.get("/actuator/prometheus").body());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dashboardQueries")
	void queryReadsSeriesTheServiceExports(DashboardQuery query) {
		Set<String> metrics = PromQl.metricNames(query.expression());
		assertThat(metrics).as("metrics in %s", query).isNotEmpty();
		assertThat(this.scrape.names()).as("metrics the service exports, for %s", query).containsAll(metrics);
		List<PrometheusScrape.Sample> series = this.scrape.series(metrics);
		for (String label : PromQl.groupingLabels(query.expression())) {
			if (!TARGET_LABELS.contains(label)) {
				assertThat(series).as("label %s of %s", label, metrics)
					.anySatisfy((sample) -> assertThat(sample.labels()).containsKey(label));
			}
		}
		for (PromQl.LabelMatcher matcher : PromQl.matchers(query.expression())) {
			assertThat(series).as("series matching %s", matcher)
				.anySatisfy((sample) -> assertThat(sample.labels()).containsEntry(matcher.label(), matcher.value()));
		}
	}

	@Test
	void everyPanelQueriesTheProvisionedDatasource() {
		Object uid = YamlTree.maps(YamlTree.yaml(DeployFiles.GRAFANA_DATASOURCES).get("datasources")).get(0).get("uid");
		for (JsonNode panel : dashboard().path("panels")) {
			if (!panel.path("type").stringValue("").equals("row")) {
				assertThat(panel.path("datasource").path("uid").stringValue("")).as(panel.path("title").stringValue(""))
					.isEqualTo(uid);
			}
		}
	}

	@Test
	void dashboardShowsTrafficLatencyReloadsRevisionsAndTheDecisionLog() {
		assertThat(dashboardQueries()).extracting(DashboardQuery::expression)
			.anySatisfy((expression) -> assertThat(expression).contains("lora_recommendations_total", "variant"))
			.anySatisfy(
					(expression) -> assertThat(expression).contains("histogram_quantile(0.5", "http_server_requests"))
			.anySatisfy(
					(expression) -> assertThat(expression).contains("histogram_quantile(0.99", "http_server_requests"))
			.anySatisfy((expression) -> assertThat(expression).contains("lora_guide_reloads_total", "outcome"))
			.anySatisfy((expression) -> assertThat(expression).contains("lora_guide_revision", "instance"))
			.anySatisfy((expression) -> assertThat(expression).contains("lora_decisionlog_dropped_total"));
	}

	private static JsonNode dashboard() {
		try {
			return JsonMapper.builder().build().readTree(Files.readString(DeployFiles.DASHBOARD));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
