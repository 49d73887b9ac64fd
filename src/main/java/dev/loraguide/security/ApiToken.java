package dev.loraguide.security;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One API token as the service knows it: a name for logs, the SHA-256 of the token (never
 * the token itself) and the roles it carries.
 *
 * @param name who holds the token, such as {@code training-pipeline}; shown in logs
 * @param sha256 the token's SHA-256, 64 hexadecimal digits ({@code printf %s "$TOKEN" |
 * sha256sum})
 * @param roles {@code read}, {@code report} and/or {@code admin}
 */
public record ApiToken(String name, String sha256, Set<Role> roles) {

	private static final Pattern SHA_256_HEX = Pattern.compile("[0-9a-f]{64}");

	public ApiToken {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("every token needs a name");
		}
		sha256 = (sha256 != null) ? sha256.strip().toLowerCase(Locale.ROOT) : "";
		if (!SHA_256_HEX.matcher(sha256).matches()) {
			throw new IllegalArgumentException("token '" + name
					+ "': sha256 must be the 64 hexadecimal digits of the token's SHA-256, not the token itself");
		}
		if (roles == null || roles.isEmpty()) {
			throw new IllegalArgumentException("token '" + name + "' needs at least one role: read, report or admin");
		}
		roles = Set.copyOf(roles);
	}

}
