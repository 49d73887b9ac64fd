package dev.loraguide.deploy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PromQlTests {

	private static final String LATENCY = "histogram_quantile(0.99, sum by (le) "
			+ "(rate(http_server_requests_seconds_bucket{uri=\"/api/v1/recommendations\"}[$__rate_interval])))";

	@Test
	void metricNamesLeaveOutFunctionsNumbersLabelsAndRanges() {
		assertThat(PromQl.metricNames(LATENCY)).containsExactly("http_server_requests_seconds_bucket");
	}

	@Test
	void metricNamesFindEveryOperandOfABinaryExpression() {
		assertThat(PromQl.metricNames("sum(rate(a_total[5m])) / on (guide) group_left sum(b_total) > bool 0"))
			.containsExactly("a_total", "b_total");
	}

	@Test
	void metricNamesFindABareSelector() {
		assertThat(PromQl.metricNames("lora_guide_revision")).containsExactly("lora_guide_revision");
	}

	@Test
	void groupingLabelsCollectEveryByClause() {
		assertThat(PromQl.groupingLabels("count by (guide) (count by (guide, revision) (lora_guide_revision))"))
			.containsExactly("guide", "revision");
	}

	@Test
	void matchersKeepLabelOperatorAndValue() {
		assertThat(PromQl.matchers(LATENCY))
			.containsExactly(new PromQl.LabelMatcher("uri", "=", "/api/v1/recommendations"));
	}

}
