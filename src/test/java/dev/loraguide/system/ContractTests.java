package dev.loraguide.system;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

import dev.loraguide.ApiClient;
import dev.loraguide.ApiClient.Reply;
import dev.loraguide.ContractCheck;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The contract at its edges: what Tomcat refuses, the size limit, strict JSON, plain-text
 * names, short echoes and conditional GETs. Every exchange also goes through the
 * description check of {@link ApiClient}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ContractTests {

	private static final String RECOMMEND = "/api/v1/recommendations";

	@LocalServerPort
	int port;

	ApiClient api;

	@BeforeEach
	void connect() {
		this.api = new ApiClient(this.port);
	}

	private static JsonNode problem(Reply reply, int status, String code) {
		assertThat(reply.status()).as(reply.body()).isEqualTo(status);
		assertThat(reply.contentType()).startsWith("application/problem+json");
		JsonNode body = reply.json();
		assertThat(body.get("code").asString()).isEqualTo(code);
		return body;
	}

	@Test
	void anEncodedSlashInThePathIsRefusedWithAProblemBody() {
		problem(this.api.get("/api/v1/guides/a%2Fb"), 400, "bad_request");
	}

	@Test
	void aSessionPathParameterIsRefusedWithAProblemBody() {
		problem(this.api.get("/api/v1/guides;jsessionid=1"), 400, "bad_request");
	}

	@Test
	void headersOverTheLimitAreRefusedWithAProblemBody() {
		problem(this.api.get("/api/v1/guides", "X-Padding", "a".repeat(100_000)), 400, "bad_request");
	}

	@Test
	void traceIsRefusedWithAProblemBody() {
		problem(this.api.send("TRACE", "/api/v1/guides", null, null), 405, "method_not_allowed");
	}

	@Test
	void anUnknownPathIsAProblemBody() {
		problem(this.api.get("/api/v1/nothing-here"), 404, "not_found");
	}

	@Test
	void aBodyWithoutContentTypeIsRefused() {
		problem(this.api.send("POST", RECOMMEND, null, "{\"dataset\":{\"imageCount\":23}}"), 415,
				"unsupported_media_type");
	}

	@Test
	void aBodyOverTheLimitIsRefusedFromItsContentLength() {
		String body = "{\"dataset\":{\"imageCount\":23},\"guide\":\"" + "a".repeat(70_000) + "\"}";
		JsonNode problem = problem(this.api.postJson(RECOMMEND, body), 413, "content_too_large");
		assertThat(problem.get("detail").asString()).contains("65536");
	}

	@Test
	void aChunkedBodyOverTheLimitIsRefused() throws Exception {
		String body = "{\"dataset\":{\"imageCount\":23},\"guide\":\"" + "a".repeat(70_000) + "\"}";
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + RECOMMEND))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofString(body)))
			.build();
		var response = java.net.http.HttpClient.newHttpClient()
			.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
		assertThat(response.body()).contains("\"code\":\"content_too_large\"");
	}

	@Test
	void aDuplicateKeyIsRefusedNamingIt() {
		JsonNode problem = problem(this.api.postJson(RECOMMEND, "{\"dataset\":{\"imageCount\":23,\"imageCount\":24}}"),
				400, "duplicate_key");
		assertThat(problem.get("field").asString()).isEqualTo("dataset.imageCount");
	}

	@Test
	void anActorNameWithABidiOverrideIsRefusedNamingTheField() {
		JsonNode problem = problem(
				this.api.postJson(RECOMMEND,
						"{\"dataset\":{\"imageCount\":23},\"actor\":{\"name\":\"Ada\\u202Eevil\"}}"),
				400, "invalid_field");
		assertThat(problem.get("field").asString()).isEqualTo("actor.name");
		assertThat(problem.get("detail").asString()).contains("U+202E");
	}

	@Test
	void anActorNameWithALineBreakIsRefused() {
		problem(this.api.postJson(RECOMMEND,
				"{\"dataset\":{\"imageCount\":23},\"actor\":{\"name\":\"x\\\"\\ntrain_batch_size = 99\\n#\"}}"), 400,
				"invalid_field");
	}

	@Test
	void anActorNameWithALoneSurrogateIsRefused() {
		problem(this.api.postJson(RECOMMEND, "{\"dataset\":{\"imageCount\":23},\"actor\":{\"name\":\"Ada\\uD800\"}}"),
				400, "invalid_field");
	}

	@Test
	void anActorNameIsNormalisedAndTrimmedBeforeItBecomesTheTriggerToken() {
		Reply reply = this.api.postJson(RECOMMEND,
				"{\"dataset\":{\"imageCount\":23},\"actor\":{\"name\":\"  Zoe\\u0301  \"}}");
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().get("triggerToken").asString()).isEqualTo("Zo\u00e9");
	}

	@Test
	void anErrorEchoesOnlyAShortEscapedPrefixOfTheInput() {
		String id = "\u001B[31m" + "x".repeat(2_000);
		Reply reply = this.api.get("/api/v1/experiments/"
				+ java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8) + "/results");
		JsonNode problem = problem(reply, 404, "unknown_experiment");
		assertThat(reply.body().length()).isLessThan(1_000);
		assertThat(problem.get("detail").asString()).contains("\\u001b[31mxxx").doesNotContain("\u001B");
	}

	@Test
	void aGuideAnswersWithItsRevisionAsETag() {
		Reply guide = this.api.get("/api/v1/guides/flux-lora");
		assertThat(guide.header("ETag")).isEqualTo("\"" + guide.json().get("revision").asString() + "\"");
	}

	@Test
	void aGuideUnchangedSinceTheETagIsNotSentAgain() {
		String tag = this.api.get("/api/v1/guides/flux-lora").header("ETag");
		Reply again = this.api.get("/api/v1/guides/flux-lora", "If-None-Match", tag);
		assertThat(again.status()).isEqualTo(304);
		assertThat(again.body()).isEmpty();
	}

	@Test
	void theGuideListUnchangedSinceTheETagIsNotSentAgain() {
		String tag = this.api.get("/api/v1/guides").header("ETag");
		assertThat(this.api.get("/api/v1/guides", "If-None-Match", tag).status()).isEqualTo(304);
	}

	@Test
	void guideCurvesUnchangedSinceTheirETagAreNotSentAgain() {
		Reply curves = this.api.get("/api/v1/guides/flux-lora/curves");
		assertThat(curves.header("ETag")).isEqualTo("W/\"" + curves.json().get("revision").asString() + "\"");
		assertThat(curves.header("Cache-Control")).isEqualTo("no-cache, private");

		Reply again = this.api.get("/api/v1/guides/flux-lora/curves", "If-None-Match", curves.header("ETag"));
		assertThat(again.status()).isEqualTo(304);
		assertThat(again.body()).isEmpty();
	}

	@Test
	void guideCurvesGoGzippedToACallerThatAcceptsGzip() throws Exception {
		String plain = this.api.get("/api/v1/guides/flux-lora/curves").body();
		HttpResponse<byte[]> gzipped = HttpClient.newHttpClient()
			.send(HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/guides/flux-lora/curves"))
				.header("Accept-Encoding", "gzip")
				.build(), HttpResponse.BodyHandlers.ofByteArray());

		assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
		assertThat(gzipped.body().length).isLessThan(plain.length() / 10);
		try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
			assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(plain);
		}
	}

	@Test
	void anAnswerTheDescriptionDoesNotAllowFailsTheCheck() {
		String description = this.api.get("/v3/api-docs").body();
		Reply broken = new Reply(200, "application/json", "{\"recommendationId\":5}",
				java.util.Map.of("Content-Type", java.util.List.of("application/json")));
		HttpRequest sent = HttpRequest.newBuilder(URI.create("http://127.0.0.1/api/v1/recommendations"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.noBody())
			.build();
		assertThatThrownBy(() -> new ContractCheck(description).check(sent, "application/json",
				"{\"dataset\":{\"imageCount\":23}}", broken))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("breaks the description");
	}

}
