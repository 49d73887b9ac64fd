package dev.loraguide.guide;

import java.util.Map;

import dev.loraguide.TestCredentials;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * What the service says about its guides, read over HTTP as a caller and an operator read
 * it: a guide's details from the API and the guides' component of health.
 */
record GuidesOverHttp(RestTestClient http) {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	/** {@code GET /api/v1/guides/{id}}. */
	Map<String, Object> details(String id) {
		return ok(this.http.get().uri("/api/v1/guides/{id}", id));
	}

	/** {@code POST /api/v1/admin/guides/reload}: the reload's report. */
	Map<String, Object> reload(String authorization) {
		return ok(this.http.post().uri("/api/v1/admin/guides/reload").header(HttpHeaders.AUTHORIZATION, authorization));
	}

	/** The {@code guides} component of health, as an admin sees it. */
	@SuppressWarnings("unchecked")
	Map<String, Object> health() {
		Map<String, Object> health = this.http.get()
			.uri("/actuator/health")
			.header(HttpHeaders.AUTHORIZATION, TestCredentials.ADMIN)
			.exchange()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
		return (Map<String, Object>) ((Map<String, Object>) health.get("components")).get("guides");
	}

	private static Map<String, Object> ok(RestTestClient.RequestHeadersSpec<?> request) {
		return request.exchange().expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
	}

	/** One guide's entry in the guides' component of health. */
	@SuppressWarnings("unchecked")
	Map<String, Object> health(String id) {
		return (Map<String, Object>) ((Map<String, Object>) health().get("details")).get(id);
	}

}
