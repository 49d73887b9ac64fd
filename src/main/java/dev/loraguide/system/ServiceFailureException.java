package dev.loraguide.system;

/**
 * A request the service could not answer through no fault of the caller. The problem
 * handler answers Internal Server Error with {@link #code()}, the short
 * {@link #getMessage() message} and a correlation id, and logs the cause once under that
 * id; the body never carries the cause.
 */
public abstract class ServiceFailureException extends RuntimeException {

	private final ProblemCode code;

	protected ServiceFailureException(ProblemCode code, String message, Throwable cause) {
		super(message, cause);
		this.code = code;
	}

	public ProblemCode code() {
		return this.code;
	}

}
