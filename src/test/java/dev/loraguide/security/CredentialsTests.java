package dev.loraguide.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpServer;
import dev.loraguide.ApiClient;
import dev.loraguide.ApiClient.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The credentials a deployment gives: a tokens file re-read without a restart, and JWTs
 * of an issuer whose key set this test generates and serves on 127.0.0.1, their scopes
 * mapped to roles. Guessing is slowed: past the limit an address gets 429.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "security.tokens-scan-interval=100ms", "security.failed-authentication-limit=5" })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CredentialsTests {

	private static final String INTERNALS = "/api/v1/admin/experiments";

	private static final String OUTCOMES = "/api/v1/recommendations/742b68bf-a8d8-4bf6-ae1a-603bf65a8135/outcomes";

	private static final Path tokensFile = tokensFileIn(temporaryFolder());

	private static final RSAKey issuerKey = TestIssuer.rsaKey("issuer");

	private static final HttpServer jwkSet = TestIssuer.serve(new JWKSet(issuerKey.toPublicJWK()));

	@LocalServerPort
	private int port;

	private ApiClient api;

	@DynamicPropertySource
	static void credentials(DynamicPropertyRegistry properties) {
		properties.add("security.tokens-file", tokensFile::toString);
		properties.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
				() -> "http://127.0.0.1:" + jwkSet.getAddress().getPort() + "/jwks.json");
	}

	@Autowired
	private ApiTokens tokens;

	@BeforeEach
	void client() {
		this.api = new ApiClient(this.port);
	}

	@AfterAll
	static void stopIssuer() {
		jwkSet.stop(0);
	}

	@Test
	@Order(1)
	void aTokenAddedToTheFileWorksWithoutARestartAndARemovedOneStops() {
		writeTokens(token("ops-old", "old-admin-token", "admin"));
		awaitToken("old-admin-token");
		assertThat(this.api.get(INTERNALS, "Bearer old-admin-token").status()).isEqualTo(200);

		writeTokens(token("ops-new", "new-admin-token", "admin"));

		awaitToken("new-admin-token");
		assertThat(this.api.get(INTERNALS, "Bearer new-admin-token").status()).isEqualTo(200);
		assertThat(this.api.get(INTERNALS, "Bearer old-admin-token").status()).isEqualTo(401);
	}

	@Test
	@Order(2)
	void aBrokenTokensFileLeavesTheTokensItHeldInForce() throws InterruptedException {
		writeTokens(token("ops", "kept-admin-token", "admin"));
		awaitToken("kept-admin-token");
		assertThat(this.api.get(INTERNALS, "Bearer kept-admin-token").status()).isEqualTo(200);

		writeTokens("  - name: ops\n    sha256: the-token-itself\n    roles: [admin]\n");
		Thread.sleep(500);

		assertThat(this.api.get(INTERNALS, "Bearer kept-admin-token").status()).isEqualTo(200);
	}

	@Test
	@Order(3)
	void aJwtWithTheAdminScopeAdministers() {
		assertThat(this.api.get(INTERNALS, bearer(TestIssuer.jwt(issuerKey, "lora-guide:admin", 60))).status())
			.isEqualTo(200);
	}

	@Test
	@Order(4)
	void aJwtWithTheReportScopeReportsButDoesNotAdminister() {
		String reporter = bearer(TestIssuer.jwt(issuerKey, "openid lora-guide:report", 60));
		assertThat(this.api.postJsonAs(OUTCOMES, reporter, "{\"metric\":\"m\",\"value\":1}").status()).isEqualTo(404);
		assertThat(this.api.get(INTERNALS, reporter).status()).isEqualTo(403);
	}

	@Test
	@Order(5)
	void aJwtWithoutARoleScopeIsForbidden() {
		assertThat(this.api.get(INTERNALS, bearer(TestIssuer.jwt(issuerKey, "openid profile", 60))).status())
			.isEqualTo(403);
	}

	@Test
	@Order(6)
	void aJwtSignedByAnotherKeyIsRefused() {
		Reply reply = this.api.get(INTERNALS,
				bearer(TestIssuer.jwt(TestIssuer.rsaKey("issuer"), "lora-guide:admin", 60)));
		assertThat(reply.status()).isEqualTo(401);
		assertThat(reply.json().get("code").asString()).isEqualTo("unauthorized");
	}

	@Test
	@Order(7)
	void anExpiredJwtIsRefused() {
		assertThat(this.api.get(INTERNALS, bearer(TestIssuer.jwt(issuerKey, "lora-guide:admin", -600))).status())
			.isEqualTo(401);
	}

	@Test
	@Order(8)
	@DirtiesContext
	void pastTheLimitAnAddressIsAnswered429WithoutItsCredentialBeingChecked() {
		writeTokens(token("ops", "admin-token", "admin"));
		awaitToken("admin-token");
		assertThat(this.api.get(INTERNALS, "Bearer admin-token").status()).isEqualTo(200);
		int refused = 0;
		Reply reply = null;
		for (int guess = 0; guess < 20; guess++) {
			reply = this.api.get(INTERNALS, "Bearer guess-" + guess);
			if (reply.status() == 401) {
				refused++;
			}
		}
		assertThat(refused).isLessThanOrEqualTo(5);
		assertThat(reply.status()).isEqualTo(429);
		assertThat(reply.json().get("code").asString()).isEqualTo("too_many_failed_authentications");
		assertThat(this.api.get(INTERNALS, "Bearer admin-token").status()).isEqualTo(429);
	}

	private void awaitToken(String token) {
		await().atMost(Duration.ofSeconds(10)).until(() -> this.tokens.find(token).isPresent());
	}

	private static String token(String name, String token, String role) {
		return "  - name: " + name + "\n    sha256: " + TokensFile.sha256(token) + "\n    roles: [" + role + "]\n";
	}

	private static void writeTokens(String entries) {
		try {
			Path next = tokensFile.resolveSibling("tokens.yaml.new");
			Files.writeString(next, "tokens:\n" + entries, StandardCharsets.UTF_8);
			Files.move(next, tokensFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
					java.nio.file.StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String bearer(String jwt) {
		return "Bearer " + jwt;
	}

	private static Path temporaryFolder() {
		try {
			return Files.createTempDirectory("lora-guide-tokens");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path tokensFileIn(Path folder) {
		return folder.resolve("tokens.yaml");
	}

}
