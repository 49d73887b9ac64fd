package dev.loraguide.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When no credential is configured at all, makes one admin token at first start, as
 * Spring Boot makes a password: its hash goes into the tokens file, which the service
 * checks, and the token itself into a file beside it, readable by the service's user
 * only. The log says once where it is; later starts find the tokens file and say nothing.
 */
final class GeneratedCredential {

	static final String TOKEN_FILE_NAME = "generated-admin-token";

	private static final Logger logger = LoggerFactory.getLogger(GeneratedCredential.class);

	private static final SecureRandom random = new SecureRandom();

	private GeneratedCredential() {
	}

	static void generate(Path tokensFile) {
		Path plain = tokensFile.toAbsolutePath().resolveSibling(TOKEN_FILE_NAME);
		byte[] secret = new byte[32];
		random.nextBytes(secret);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		try {
			Files.createDirectories(plain.getParent());
			Files.deleteIfExists(plain);
			Files.createFile(plain);
			restrictToOwner(plain);
			Files.writeString(plain, token + "\n", StandardCharsets.UTF_8);
			TokensFile.write(tokensFile, new ApiToken("generated-admin", TokensFile.sha256(token), Set.of(Role.ADMIN)));
			logger.warn("No credential was configured, so an admin token was generated and put in {} (the service "
					+ "checks its SHA-256 in {}): send it as 'Authorization: Bearer <token>', keep it where your "
					+ "secrets live and delete that file; docs/security.md says how to add tokens with other roles",
					plain, tokensFile.toAbsolutePath());
		}
		catch (IOException | UnsupportedOperationException ex) {
			logger.error("No credential is configured and none could be generated in {} ({}): reporting outcomes and "
					+ "administering are refused until GUIDES_ADMIN_TOKEN, security.tokens, a tokens file or a JWT "
					+ "issuer is configured", plain.getParent(), ex.toString());
		}
	}

	private static void restrictToOwner(Path file) throws IOException {
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException ex) {
			// Not a POSIX file system (Windows): the folder's own permissions apply.
		}
	}

}
