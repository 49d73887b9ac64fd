package dev.loraguide;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Talks to a running service over real HTTP, the way a caller does, and holds every
 * exchange to the OpenAPI description the service serves (see {@link ContractCheck}): an
 * answer the description does not allow fails the test that got it.
 */
public final class ApiClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Map<String, ContractCheck> CONTRACTS = new ConcurrentHashMap<>();

	private final HttpClient http = HttpClient.newHttpClient();

	private final String base;

	public ApiClient(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	public Reply get(String path, String... headers) {
		return send("GET", path, null, null, headers);
	}

	/**
	 * A GET with an {@code Authorization} header, such as {@link TestCredentials#ADMIN}.
	 */
	public Reply get(String path, String authorization) {
		return send("GET", path, null, null, "Authorization", authorization);
	}

	public Reply postJson(String path, String body, String... headers) {
		return post(path, "application/json", body, headers);
	}

	public Reply post(String path, String contentType, String body, String... headers) {
		return send("POST", path, contentType, body, headers);
	}

	/**
	 * A POST with an {@code Authorization} header, such as {@link TestCredentials#ADMIN}.
	 */
	public Reply postJsonAs(String path, String authorization, String json) {
		return postJson(path, json, "Authorization", authorization);
	}

	/**
	 * Any exchange.
	 * @param method HTTP method
	 * @param path path and query, as sent
	 * @param contentType Content-Type of the body, null for none
	 * @param body the body, null for none
	 * @param headers further headers as name, value, name, value ...
	 * @return the answer, once checked against the description
	 */
	public Reply send(String method, String path, String contentType, String body, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		for (int i = 0; i + 1 < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		HttpRequest sent = request.build();
		Reply reply = exchange(sent);
		if (!path.equals("/v3/api-docs")) {
			contract().check(sent, contentType, body, reply);
		}
		return reply;
	}

	private ContractCheck contract() {
		return CONTRACTS.computeIfAbsent(this.base, (base) -> new ContractCheck(
				exchange(HttpRequest.newBuilder(URI.create(base + "/v3/api-docs")).GET().build()).body()));
	}

	private Reply exchange(HttpRequest request) {
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.body(), response.headers().map());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * One HTTP answer.
	 *
	 * @param status status code
	 * @param contentType the Content-Type header
	 * @param body the body as text
	 * @param headers every header, by lower-case name
	 */
	public record Reply(int status, String contentType, String body, Map<String, List<String>> headers) {

		public JsonNode json() {
			return JSON.readTree(this.body);
		}

		/** The first value of a header, null when absent. */
		public String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().equalsIgnoreCase(name))
				.flatMap((entry) -> entry.getValue().stream())
				.findFirst()
				.orElse(null);
		}

	}

}
