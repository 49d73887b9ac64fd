package dev.loraguide.system;

import java.time.Duration;

import org.springframework.http.HttpStatus;

/**
 * A request the service refuses for a reason the caller can fix. The problem handler
 * turns it into an RFC 9457 body carrying {@link #code()} and, when one input is to
 * blame, the {@link #field()}.
 */
public abstract class ApiProblemException extends RuntimeException {

	private final HttpStatus status;

	private final String code;

	private final String field;

	protected ApiProblemException(HttpStatus status, String code, String field, String detail) {
		super(detail);
		this.status = status;
		this.code = code;
		this.field = field;
	}

	public HttpStatus status() {
		return this.status;
	}

	public String code() {
		return this.code;
	}

	public String field() {
		return this.field;
	}

	/**
	 * When trying again can work, sent as {@code Retry-After}; null when it cannot.
	 */
	public Duration retryAfter() {
		return null;
	}

}
