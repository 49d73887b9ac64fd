package dev.loraguide.guide;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without {@code GUIDES_ADMIN_TOKEN} the admin endpoints are off: every call is refused
 * with 401, whatever token it carries, and nothing else of the API changes.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "guides.admin-token=")
@AutoConfigureRestTestClient
class AdminEndpointOffTests {

	@Autowired
	private RestTestClient http;

	@Test
	void adminReloadIsRefusedWithoutAConfiguredToken() {
		this.http.post()
			.uri("/api/v1/admin/guides/reload")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.value((problem) -> assertThat(problem).containsEntry("code", "unauthorized")
				.extractingByKey("detail")
				.asString()
				.contains("off"));
	}

	@Test
	void anyBearerTokenIsRefusedWithoutAConfiguredToken() {
		this.http.post()
			.uri("/api/v1/admin/guides/reload")
			.header(HttpHeaders.AUTHORIZATION, "Bearer ")
			.exchange()
			.expectStatus()
			.isUnauthorized();
		this.http.post()
			.uri("/api/v1/admin/guides/reload")
			.header(HttpHeaders.AUTHORIZATION, "Bearer anything")
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	@Test
	void restOfTheApiStaysOpen() {
		this.http.get().uri("/api/v1/guides").exchange().expectStatus().isOk();
	}

}
