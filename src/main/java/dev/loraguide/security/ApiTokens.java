package dev.loraguide.security;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API tokens the service accepts, by SHA-256: those given as settings, plus those of
 * the tokens file, which is re-read whenever its content changes, so tokens are added,
 * rotated and revoked without a restart. A file that cannot be read or parsed leaves the
 * tokens it last held in force and is reported once.
 */
class ApiTokens {

	private static final Logger logger = LoggerFactory.getLogger(ApiTokens.class);

	private final List<ApiToken> fromSettings;

	private final Path file;

	private final AtomicReference<Map<String, ApiToken>> bySha256 = new AtomicReference<>(Map.of());

	private byte[] fileContent;

	private String lastProblem;

	ApiTokens(List<ApiToken> fromSettings, Path file) {
		this.fromSettings = List.copyOf(fromSettings);
		this.file = file;
		this.bySha256.set(index(List.of()));
		scan();
	}

	/** The token a caller presented, if it is one of ours. */
	Optional<ApiToken> find(String presented) {
		return Optional.ofNullable(this.bySha256.get().get(TokensFile.sha256(presented)));
	}

	int size() {
		return this.bySha256.get().size();
	}

	synchronized void scan() {
		try {
			byte[] content = TokensFile.readBytes(this.file);
			if (Arrays.equals(content, this.fileContent) && this.lastProblem == null) {
				return;
			}
			List<ApiToken> fromFile = (content != null) ? TokensFile.parse(this.file, content) : List.of();
			boolean first = this.fileContent == null && this.lastProblem == null;
			this.bySha256.set(index(fromFile));
			this.fileContent = content;
			this.lastProblem = null;
			if (content != null || !first) {
				logger.info("Tokens file {}: {} token(s) in force ({})", this.file.toAbsolutePath(), fromFile.size(),
						String.join(", ", fromFile.stream().map(ApiToken::name).toList()));
			}
		}
		catch (RuntimeException ex) {
			String problem = String.valueOf(ex.getMessage());
			if (!problem.equals(this.lastProblem)) {
				logger.error("Tokens file {} refused, the tokens it held before stay in force: {}",
						this.file.toAbsolutePath(), problem);
				this.lastProblem = problem;
			}
		}
	}

	private Map<String, ApiToken> index(List<ApiToken> fromFile) {
		Map<String, ApiToken> index = new LinkedHashMap<>();
		this.fromSettings.forEach((token) -> index.put(token.sha256(), token));
		fromFile.forEach((token) -> index.putIfAbsent(token.sha256(), token));
		return Map.copyOf(index);
	}

}
