package dev.loraguide.security;

import org.springframework.security.core.AuthenticationException;

/**
 * A JWT that could not be checked because the issuer's key set did not answer in time.
 * The caller did nothing wrong, so it is neither a failed authentication nor a server
 * error: the request may be retried.
 */
class CredentialCheckUnavailableException extends AuthenticationException {

	/** Long enough for a key-set fetch to time out once more before the retry. */
	static final long RETRY_AFTER_SECONDS = 5;

	CredentialCheckUnavailableException(Throwable cause) {
		super("The JWT could not be checked: the issuer's key set did not answer; retry in " + RETRY_AFTER_SECONDS
				+ " s.", cause);
	}

}
