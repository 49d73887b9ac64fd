package dev.loraguide.system;

import dev.loraguide.ApiClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The service describes its own API. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiTests {

	@LocalServerPort
	int port;

	@Test
	void openApiDescribesEveryPublicEndpoint() {
		JsonNode api = new ApiClient(this.port).get("/v3/api-docs").json();
		assertThat(api.get("openapi").asString()).startsWith("3.");
		assertThat(api.get("paths").has("/api/v1/recommendations")).isTrue();
		assertThat(api.get("paths").has("/api/v1/recommendations/batch")).isTrue();
		assertThat(api.at("/components/schemas/BatchRequest/properties/requests/items/$ref").asString())
			.endsWith("/RecommendationRequest");
		assertThat(api.get("paths").has("/api/v1/guides")).isTrue();
		assertThat(api.get("paths").has("/api/v1/guides/{id}")).isTrue();
		assertThat(api.at("/components/schemas/RecommendationResponse/properties").has("firedRules")).isTrue();
	}

	@Test
	void swaggerUiIsServed() {
		assertThat(new ApiClient(this.port).get("/swagger-ui/index.html").status()).isEqualTo(200);
	}

}
