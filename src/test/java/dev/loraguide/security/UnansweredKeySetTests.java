package dev.loraguide.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import dev.loraguide.ApiClient;
import dev.loraguide.ApiClient.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An issuer whose key set accepts the connection and never answers: a JWT is answered 503
 * with {@code Retry-After} once the fetch times out, never 500, and it does not count
 * against the caller's address as a failed authentication.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "security.jwk-set-timeout=500ms", "security.failed-authentication-limit=1" })
class UnansweredKeySetTests {

	/** Its backlog takes connections; nobody ever reads them. */
	private static final ServerSocket silentKeySet = listen();

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void issuer(DynamicPropertyRegistry properties) {
		properties.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
				() -> "http://127.0.0.1:" + silentKeySet.getLocalPort() + "/jwks.json");
	}

	@AfterAll
	static void stopKeySet() throws IOException {
		silentKeySet.close();
	}

	@Test
	void aJwtThatCannotBeCheckedIsAnswered503WithRetryAfterAndIsNotAFailedAuthentication() {
		ApiClient api = new ApiClient(this.port);
		String jwt = "Bearer " + TestIssuer.jwt(TestIssuer.rsaKey("issuer"), "lora-guide:admin", 60);

		for (int attempt = 0; attempt < 2; attempt++) {
			Reply reply = api.get("/api/v1/admin/experiments", jwt);
			assertThat(reply.status()).isEqualTo(503);
			assertThat(reply.contentType()).isEqualTo("application/problem+json");
			assertThat(reply.json().get("code").asString()).isEqualTo("credential_check_unavailable");
			assertThat(reply.header("Retry-After")).isEqualTo("5");
		}
	}

	private static ServerSocket listen() {
		try {
			return new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
