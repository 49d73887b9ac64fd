package dev.loraguide.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With no credential configured at all, the first start makes an admin token, as Spring
 * Boot makes a password: the service keeps its hash, the token goes to a file only its
 * user can read, and the log says once where.
 */
@ExtendWith(OutputCaptureExtension.class)
class GeneratedCredentialTests {

	@TempDir
	private Path dir;

	@Test
	void theFirstStartWithoutACredentialGeneratesAnAdminTokenAndSaysWhereItIs(CapturedOutput output)
			throws IOException {
		ApiTokens tokens = start("");

		Path plain = this.dir.resolve(GeneratedCredential.TOKEN_FILE_NAME);
		String token = Files.readString(plain).strip();
		assertThat(tokens.find(token)).get().extracting(ApiToken::roles).isEqualTo(Set.of(Role.ADMIN));
		assertThat(Files.readString(tokensFile())).doesNotContain(token).contains(TokensFile.sha256(token));
		assertThat(Files.getPosixFilePermissions(plain)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
				PosixFilePermission.OWNER_WRITE);
		assertThat(output.getOut()).contains("an admin token was generated and put in " + plain);
	}

	@Test
	void theNextStartKeepsThatTokenAndSaysNothingMore(CapturedOutput output) throws IOException {
		start("");
		String token = Files.readString(this.dir.resolve(GeneratedCredential.TOKEN_FILE_NAME)).strip();

		ApiTokens restarted = start("");

		assertThat(restarted.find(token)).isPresent();
		assertThat(output.getOut().split("an admin token was generated", -1)).hasSize(2);
	}

	@Test
	void theAdminTokenFromTheEnvironmentIsACredentialSoNothingIsGenerated() {
		ApiTokens tokens = start("from-guides-admin-token");

		assertThat(tokens.find("from-guides-admin-token")).get()
			.extracting(ApiToken::roles)
			.isEqualTo(Set.of(Role.ADMIN));
		assertThat(tokensFile()).doesNotExist();
		assertThat(this.dir.resolve(GeneratedCredential.TOKEN_FILE_NAME)).doesNotExist();
	}

	private ApiTokens start(String guidesAdminToken) {
		SecuritySettings settings = new SecuritySettings(true, tokensFile(), Duration.ofSeconds(1), List.of(),
				new SecuritySettings.JwtScopes("r", "p", "a"), Duration.ofSeconds(2), 10);
		return new SecurityConfiguration().apiTokens(settings, guidesAdminToken,
				new DefaultListableBeanFactory().getBeanProvider(JwtDecoder.class));
	}

	private Path tokensFile() {
		return this.dir.resolve("tokens.yaml");
	}

}
