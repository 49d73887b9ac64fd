package dev.loraguide.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ByteArrayResource;

/**
 * The tokens file: YAML with a {@code tokens} list of {@link ApiToken}s, bound the same
 * way as the {@code security.tokens} settings, so a misspelt key is refused rather than
 * ignored.
 *
 * <pre>
 * tokens:
 *   - name: training-pipeline
 *     sha256: 9b2f...e1
 *     roles: [report]
 * </pre>
 */
final class TokensFile {

	private TokensFile() {
	}

	/** The file's bytes, or null when there is no file. */
	static byte[] readBytes(Path file) {
		try {
			return Files.readAllBytes(file);
		}
		catch (NoSuchFileException ex) {
			return null;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The tokens in a file's content; throws {@link IllegalArgumentException} naming what
	 * is wrong.
	 */
	static List<ApiToken> parse(Path file, byte[] content) {
		try {
			var sources = new YamlPropertySourceLoader().load(file.toString(), new ByteArrayResource(content));
			Binder binder = new Binder(ConfigurationPropertySources.from(sources));
			List<ApiToken> tokens = binder
				.bind("tokens", Bindable.listOf(ApiToken.class), new NoUnboundElementsBindHandler(BindHandler.DEFAULT))
				.orElse(List.of());
			long names = tokens.stream().map(ApiToken::name).distinct().count();
			if (names != tokens.size()) {
				throw new IllegalArgumentException("two tokens have the same name");
			}
			return List.copyOf(tokens);
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("not YAML: " + ex.getMessage(), ex);
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException(rootMessage(ex), ex);
		}
	}

	/** Writes a file holding one token, readable by the service's user only. */
	static void write(Path file, ApiToken token) throws IOException {
		String yaml = """
				# API tokens of lora-guide: SHA-256 hashes of the tokens, never the tokens themselves.
				# Edits are picked up without a restart. See docs/security.md.
				tokens:
				  - name: %s
				    sha256: %s
				    roles: [%s]
				""".formatted(token.name(), token.sha256(),
				String.join(", ", token.roles().stream().map(Role::settingName).sorted().toList()));
		Files.createDirectories(file.toAbsolutePath().getParent());
		Files.writeString(file, yaml, StandardCharsets.UTF_8);
	}

	static String sha256(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java has SHA-256", ex);
		}
	}

	private static String rootMessage(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return String.valueOf(cause.getMessage());
	}

}
