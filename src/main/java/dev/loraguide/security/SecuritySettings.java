package dev.loraguide.security;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may read, report and administer (see docs/security.md).
 *
 * @param anonymousRead whether reading guides and asking for recommendations needs no
 * credential ({@code SECURITY_ANONYMOUSREAD}); reporting and administering always do
 * @param tokensFile YAML file of API tokens (names, SHA-256 hashes, roles), re-read when
 * it changes; a missing file holds no tokens ({@code SECURITY_TOKENSFILE})
 * @param tokensScanInterval how often the tokens file is checked for changes
 * @param tokens API tokens given as settings, such as {@code SECURITY_TOKENS_0_NAME},
 * {@code SECURITY_TOKENS_0_SHA256}, {@code SECURITY_TOKENS_0_ROLES}
 * @param jwt the OAuth2 scopes that grant each role to a JWT
 * @param jwkSetTimeout how long fetching the issuer's key set may take (connect and read
 * each) before a JWT is answered 503 {@code credential_check_unavailable}
 * @param failedAuthenticationLimit failed authentications allowed per address and minute;
 * beyond it the address is answered 429 until its allowance refills
 */
@ConfigurationProperties("security")
public record SecuritySettings(@DefaultValue("true") boolean anonymousRead,
		@DefaultValue("data/tokens.yaml") Path tokensFile, @DefaultValue("1s") Duration tokensScanInterval,
		@DefaultValue List<ApiToken> tokens, @DefaultValue JwtScopes jwt, @DefaultValue("2s") Duration jwkSetTimeout,
		@DefaultValue("10") int failedAuthenticationLimit) {

	public SecuritySettings {
		if (failedAuthenticationLimit < 1) {
			throw new IllegalArgumentException("security.failed-authentication-limit must be at least 1");
		}
		if (jwkSetTimeout.isNegative() || jwkSetTimeout.isZero()) {
			throw new IllegalArgumentException("security.jwk-set-timeout must be longer than 0");
		}
		if (tokensScanInterval.isNegative() || tokensScanInterval.isZero()) {
			throw new IllegalArgumentException("security.tokens-scan-interval must be longer than 0");
		}
	}

	/**
	 * The scope a JWT must carry for each role.
	 *
	 * @param read scope granting {@code read}
	 * @param report scope granting {@code report}
	 * @param admin scope granting {@code admin}
	 */
	public record JwtScopes(@DefaultValue("lora-guide:read") String read,
			@DefaultValue("lora-guide:report") String report, @DefaultValue("lora-guide:admin") String admin) {

		String scopeOf(Role role) {
			return switch (role) {
				case READ -> this.read;
				case REPORT -> this.report;
				case ADMIN -> this.admin;
			};
		}

	}

}
