package dev.loraguide.export;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import dev.loraguide.ApiClient;
import dev.loraguide.ApiClient.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The export endpoints over real HTTP, as the guide page and pipelines call them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExportApiTests {

	private static final String JANE_23_IMAGES = """
			{"actor":{"id":"a-17","name":"Jane Doe"},"dataset":{"imageCount":23},"guide":"flux-lora"}""";

	@LocalServerPort
	int port;

	ApiClient api;

	@BeforeEach
	void connect() {
		this.api = new ApiClient(this.port);
	}

	@Test
	void statelessExportAnswersTheFilesCommandAndLossyMappingsAsJson() {
		Reply reply = this.api.postJson("/api/v1/recommendations/export?format=kohya", JANE_23_IMAGES);

		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		assertThat(reply.contentType()).startsWith("application/json");
		JsonNode export = reply.json();
		assertThat(export.get("format").asString()).isEqualTo("kohya");
		assertThat(export.get("recommendationId").asString()).matches("[0-9a-f-]{36}");
		assertThat(export.at("/guide/id").asString()).isEqualTo("flux-lora");
		assertThat(export.at("/files/0/path").asString()).isEqualTo("train.toml");
		assertThat(export.at("/files/0/mediaType").asString()).isEqualTo("application/toml");
		assertThat(export.at("/files/1/path").asString()).isEqualTo("dataset.toml");
		assertThat(export.at("/files/2/path").asString()).isEqualTo("train.sh");
		assertThat(export.get("command").asString())
			.endsWith("sd-scripts/flux_train_network.py --config_file train.toml");
		assertThat(export.at("/lossy/0/parameter").asString()).isEqualTo("epochs");
		assertThat(export.at("/lossy/0/wanted").asInt()).isEqualTo(43);
	}

	@Test
	void loggedRecommendationExportsByIdAsAZipReadyToUnpack() throws Exception {
		String id = this.api.postJson("/api/v1/recommendations", JANE_23_IMAGES)
			.json()
			.get("recommendationId")
			.asString();

		HttpResponse<byte[]> reply = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/recommendations/" + id
					+ "/export?format=fluxgym&datasetDir=/srv/jane"))
				.header("Accept", "application/zip")
				.build(), HttpResponse.BodyHandlers.ofByteArray());

		assertThat(reply.statusCode()).isEqualTo(200);
		assertThat(reply.headers().firstValue("Content-Type")).hasValue("application/zip");
		assertThat(reply.headers().firstValue("Content-Disposition"))
			.hasValueSatisfying((disposition) -> assertThat(disposition).contains("fluxgym-" + id + ".zip"));
		Map<String, String> files = unzip(reply.body());
		assertThat(files).containsOnlyKeys("dataset.toml", "train.sh");
		assertThat(files.get("dataset.toml")).contains("recommendation " + id, "image_dir = '/srv/jane'");
		assertThat(files.get("train.sh")).contains("--max_train_epochs 43");
	}

	@Test
	void loggedExportEqualsTheStatelessOneOfTheSameAnswer() {
		JsonNode made = this.api.postJson("/api/v1/recommendations/export?format=ai-toolkit", JANE_23_IMAGES).json();

		JsonNode logged = this.api
			.get("/api/v1/recommendations/" + made.get("recommendationId").asString() + "/export?format=ai-toolkit")
			.json();

		assertThat(logged).isEqualTo(made);
	}

	@Test
	void aiToolkitJsonIsWrittenOnRequest() {
		JsonNode export = this.api
			.postJson("/api/v1/recommendations/export?format=ai-toolkit&syntax=json&outputName=jd", JANE_23_IMAGES)
			.json();

		assertThat(export.at("/files/0/path").asString()).isEqualTo("jd.json");
		assertThat(export.at("/files/0/mediaType").asString()).isEqualTo("application/json");
	}

	@Test
	void unknownRecommendationIsA404() {
		Reply reply = this.api.get("/api/v1/recommendations/6a1b2c3d-0000-4000-8000-000000000000/export?format=kohya");

		assertThat(reply.status()).isEqualTo(404);
		assertThat(reply.contentType()).startsWith("application/problem+json");
		assertThat(reply.json().get("code").asString()).isEqualTo("unknown_recommendation");
		assertThat(this.api.get("/api/v1/recommendations/not-an-id/export?format=kohya").status()).isEqualTo(404);
	}

	@Test
	void unknownFormatIsA400NamingTheFormat() {
		assertProblem(this.api.postJson("/api/v1/recommendations/export?format=onetrainer", JANE_23_IMAGES), "format");
		assertProblem(this.api.postJson("/api/v1/recommendations/export", JANE_23_IMAGES), "format");
	}

	@Test
	void unknownOrBadParameterIsA400NamingIt() {
		assertProblem(this.api.postJson("/api/v1/recommendations/export?format=kohya&batchsize=2", JANE_23_IMAGES),
				"batchsize");
		assertProblem(this.api.postJson("/api/v1/recommendations/export?format=kohya&resolution=1000", JANE_23_IMAGES),
				"resolution");
		assertProblem(this.api.postJson("/api/v1/recommendations/export?format=kohya&syntax=json", JANE_23_IMAGES),
				"syntax");
		assertProblem(this.api.postJson("/api/v1/recommendations/export?format=kohya&outputName=../x", JANE_23_IMAGES),
				"outputName");
	}

	@Test
	void openApiDescribesBothEndpoints() {
		JsonNode paths = this.api.get("/v3/api-docs").json().get("paths");

		assertThat(paths.at("/~1api~1v1~1recommendations~1{id}~1export/get/responses").has("404")).isTrue();
		assertThat(paths.at("/~1api~1v1~1recommendations~1export/post/responses").has("4XX")).isTrue();
		assertThat(paths.at("/~1api~1v1~1recommendations~1export/post/parameters/0/name").asString())
			.isEqualTo("format");
	}

	private static void assertProblem(Reply reply, String field) {
		assertThat(reply.status()).as(reply.body()).isEqualTo(400);
		assertThat(reply.contentType()).startsWith("application/problem+json");
		assertThat(reply.json().get("field").asString()).isEqualTo(field);
	}

	private static Map<String, String> unzip(byte[] zip) throws IOException {
		Map<String, String> files = new LinkedHashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
			}
		}
		return files;
	}

}
