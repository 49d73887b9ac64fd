package dev.loraguide.system;

/**
 * A request the service could not answer through no fault of the caller. The problem
 * handler answers 500 with {@link #code()}, the short {@link #getMessage() message} and a
 * correlation id, and logs the cause once under that id; the body never carries the
 * cause.
 */
public abstract class ServiceFailureException extends RuntimeException {

	private final String code;

	protected ServiceFailureException(String code, String message, Throwable cause) {
		super(message, cause);
		this.code = code;
	}

	public String code() {
		return this.code;
	}

}
