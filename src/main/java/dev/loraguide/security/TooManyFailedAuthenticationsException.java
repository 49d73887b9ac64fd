package dev.loraguide.security;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/** A credential not checked, because its address failed too often lately. */
class TooManyFailedAuthenticationsException extends AuthenticationException {

	private final Duration retryAfter;

	TooManyFailedAuthenticationsException(Duration retryAfter) {
		super("Too many failed authentications from this address: retry in " + seconds(retryAfter) + " s.");
		this.retryAfter = retryAfter;
	}

	/** Whole seconds to wait, at least one, as Retry-After wants them. */
	long retryAfterSeconds() {
		return seconds(this.retryAfter);
	}

	private static long seconds(Duration wait) {
		return Math.max(1, (wait.toMillis() + 999) / 1000);
	}

}
