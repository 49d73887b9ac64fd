package dev.loraguide.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import dev.loraguide.TestCredentials;

/**
 * Plain HTTP calls to a service started on a random port, as an orchestrator or
 * Prometheus makes them.
 */
final class ServiceHttp {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

	private final int port;

	ServiceHttp(int port) {
		this.port = port;
	}

	HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).timeout(TIMEOUT).GET().build());
	}

	/** A GET as an admin, who sees health details. */
	HttpResponse<String> getAsAdmin(String path) {
		return send(HttpRequest.newBuilder(uri(path))
			.timeout(TIMEOUT)
			.header("Authorization", TestCredentials.ADMIN)
			.GET()
			.build());
	}

	HttpResponse<String> postJson(String path, String json) {
		return send(HttpRequest.newBuilder(uri(path))
			.timeout(TIMEOUT)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

	URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	HttpClient client() {
		return this.client;
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.client.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
