package dev.loraguide.guide;

import dev.loraguide.ApiClient;
import dev.loraguide.TestCredentials;
import dev.loraguide.ApiClient.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/v1/guides}, the guide details with the derived preset table, and the
 * health component.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GuideApiTests {

	@LocalServerPort
	int port;

	ApiClient api;

	@BeforeEach
	void connect() {
		this.api = new ApiClient(this.port);
	}

	@Test
	void listShowsBothShippedGuidesWithRevisionDescriptionAndFiles() {
		JsonNode guides = this.api.get("/api/v1/guides").json();
		assertThat(guides.findValuesAsString("id")).contains("flux-lora", "legacy-defaults");
		JsonNode flux = guides.get(0);
		assertThat(flux.get("revision").asString()).matches("[0-9a-f]{16}");
		assertThat(flux.get("description").asString()).contains("FLUX");
		assertThat(flux.get("files").toString()).contains("presets.drl");
	}

	@Test
	void listNamesTheDefaultGuide() {
		JsonNode guides = this.api.get("/api/v1/guides").json();
		guides.forEach((guide) -> assertThat(guide.get("default").asBoolean()).as(guide.get("id").asString())
			.isEqualTo(guide.get("id").asString().equals("flux-lora")));
	}

	@Test
	void detailsCarryThePresetTable() {
		JsonNode guide = this.api.get("/api/v1/guides/flux-lora").json();
		JsonNode presets = guide.get("presets");
		assertThat(presets).hasSize(4);
		assertThat(presets.get(1).get("preset").asString()).isEqualTo("B");
		assertThat(presets.get(1).get("fromImages").asInt()).isEqualTo(16);
		assertThat(presets.get(1).get("toImages").asInt()).isEqualTo(30);
		assertThat(presets.get(3).get("toImages").isNull()).isTrue();
	}

	@Test
	void unknownGuideIsAProblem() {
		Reply reply = this.api.get("/api/v1/guides/no-such-guide");
		assertThat(reply.status()).isEqualTo(404);
		assertThat(reply.json().get("code").asString()).isEqualTo("unknown_guide");
	}

	@Test
	void healthListsEachLoadedGuideAndItsRevision() {
		JsonNode health = this.api.get("/actuator/health", TestCredentials.ADMIN).json();
		JsonNode guides = health.at("/components/guides");
		assertThat(guides.get("status").asString()).isEqualTo("UP");
		String revision = this.api.get("/api/v1/guides/flux-lora").json().get("revision").asString();
		assertThat(guides.at("/details/flux-lora/revision").asString()).isEqualTo(revision);
		assertThat(guides.at("/details/legacy-defaults/revision").asString()).matches("[0-9a-f]{16}");
	}

}
