package dev.loraguide.security;

import java.time.Duration;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;

/**
 * Checks the bearer credential of a request: a JWT when it has a JWT's three parts and an
 * issuer is configured, an API token otherwise. An address that failed too often is
 * refused before its credential is looked at; every failure is recorded.
 */
class BearerAuthentication implements AuthenticationManagerResolver<HttpServletRequest> {

	private final ApiTokens tokens;

	private final JwtAuthenticationProvider jwts;

	private final FailedAuthentications failures;

	/**
	 * @param jwts the JWT check, null when no issuer or JWK set is configured
	 */
	BearerAuthentication(ApiTokens tokens, JwtAuthenticationProvider jwts, FailedAuthentications failures) {
		this.tokens = tokens;
		this.jwts = jwts;
		this.failures = failures;
	}

	@Override
	public AuthenticationManager resolve(HttpServletRequest request) {
		return (authentication) -> authenticate((BearerTokenAuthenticationToken) authentication, request);
	}

	private Authentication authenticate(BearerTokenAuthenticationToken bearer, HttpServletRequest request) {
		String address = request.getRemoteAddr();
		String where = request.getMethod() + " " + request.getRequestURI();
		Duration wait = this.failures.waitBefore(address);
		if (!wait.isZero()) {
			this.failures.failed(address, where, "address_throttled");
			throw new TooManyFailedAuthenticationsException(wait);
		}
		boolean jwt = this.jwts != null && isJwtShaped(bearer.getToken());
		try {
			return jwt ? this.jwts.authenticate(bearer) : apiToken(bearer.getToken());
		}
		catch (AuthenticationServiceException ex) {
			// The provider's word for "the key set could not be fetched": not the
			// caller's failure.
			throw new CredentialCheckUnavailableException(ex);
		}
		catch (AuthenticationException ex) {
			this.failures.failed(address, where, jwt ? "invalid_jwt" : "unknown_api_token");
			throw ex;
		}
	}

	private Authentication apiToken(String presented) {
		ApiToken token = this.tokens.find(presented)
			.orElseThrow(() -> new BadCredentialsException("The bearer token is not one of this service's tokens."));
		return new ApiTokenAuthentication(token);
	}

	private static boolean isJwtShaped(String token) {
		return token.chars().filter((c) -> c == '.').count() == 2;
	}

	/** A caller who presented one of the service's API tokens. */
	static final class ApiTokenAuthentication extends AbstractAuthenticationToken {

		private final ApiToken token;

		ApiTokenAuthentication(ApiToken token) {
			super(List.copyOf(token.roles().stream().map(Role::authority).toList()));
			this.token = token;
			setAuthenticated(true);
		}

		@Override
		public Object getCredentials() {
			return null;
		}

		@Override
		public Object getPrincipal() {
			return this.token.name();
		}

	}

}
