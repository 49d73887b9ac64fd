package dev.loraguide.system;

import java.time.Duration;

import org.springframework.http.HttpStatus;

/**
 * A request the service refuses for a reason the caller can fix. The problem handler
 * turns it into an RFC 9457 body carrying {@link #code()} and, when one input is to
 * blame, the {@link #field()}.
 */
public abstract class ApiProblemException extends RuntimeException {

	private final ProblemCode code;

	private final String field;

	/**
	 * @param code what went wrong; gives the status too
	 * @param field the input to fix, null when no single input is to blame
	 * @param detail one sentence for a person; quote caller input only through
	 * {@link CallerInput#quote(String)}
	 */
	protected ApiProblemException(ProblemCode code, String field, String detail) {
		super(detail);
		this.code = code;
		this.field = field;
	}

	public HttpStatus status() {
		return this.code.status();
	}

	public ProblemCode code() {
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
