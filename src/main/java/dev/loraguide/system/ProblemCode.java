package dev.loraguide.system;

import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * Every {@code code} a problem body can carry, in one place: features name a constant
 * here instead of spelling a string, the OpenAPI description lists them as the enum of
 * the problem schema, and {@code docs/api.md} explains each. A code is stable: callers
 * branch on it, so one is added, never renamed.
 */
public enum ProblemCode {

	INVALID_FIELD(HttpStatus.BAD_REQUEST, "A field is missing, of the wrong type or out of range; 'field' names it."),

	MALFORMED_JSON(HttpStatus.BAD_REQUEST, "The body is not JSON."),

	DUPLICATE_KEY(HttpStatus.BAD_REQUEST, "A JSON object names the same key twice; 'field' names it."),

	UNREADABLE_BODY(HttpStatus.BAD_REQUEST, "The body is missing or cannot be read."),

	INVALID_EXPORT_OPTION(HttpStatus.BAD_REQUEST,
			"An export option is unknown or has a bad value (an unknown trainer format, say); 'field' names it."),

	BAD_REQUEST(HttpStatus.BAD_REQUEST,
			"The request line, a header or the path is refused before it reaches the API: an encoded slash or "
					+ "backslash, a path parameter such as ';jsessionid=', headers over the limit."),

	UNAUTHORIZED(HttpStatus.UNAUTHORIZED, "The operation needs a credential the request did not carry."),

	FORBIDDEN(HttpStatus.FORBIDDEN, "The credential is valid but lacks the role the operation needs."),

	NOT_FOUND(HttpStatus.NOT_FOUND, "No operation at this path."),

	TOO_MANY_FAILED_AUTHENTICATIONS(HttpStatus.TOO_MANY_REQUESTS,
			"Too many refused credentials from this address: wait for 'Retry-After' seconds."),

	UNKNOWN_GUIDE(HttpStatus.NOT_FOUND, "The request names a guide that is not loaded; 'field' is 'guide'."),

	UNKNOWN_REVISION(HttpStatus.NOT_FOUND,
			"The guide keeps no such revision: only the serving one and the one its last swap replaced; 'field' is 'revision'."),

	UNKNOWN_EXPERIMENT(HttpStatus.NOT_FOUND, "No experiment of that id in the serving experiments file."),

	UNKNOWN_RECOMMENDATION(HttpStatus.NOT_FOUND, "No recommendation of that id was made."),

	METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED,
			"The path exists but not with this method ('Allow' lists the right ones)."),

	NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "The 'Accept' header asks for a type the operation cannot answer."),

	DECISION_NOT_RECORDED(HttpStatus.CONFLICT,
			"The recommendation was made but the decision log dropped it: it takes no outcomes."),

	CONTENT_TOO_LARGE(HttpStatus.PAYLOAD_TOO_LARGE,
			"The body is over the request-size limit (64 KB, 1 MB for a batch); the service did not read it."),

	URI_TOO_LONG(HttpStatus.URI_TOO_LONG, "The request line is over the limit."),

	UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
			"The body is not 'application/json' (or the Content-Type is missing)."),

	INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR,
			"The service failed; the log has the cause. Never the caller's fault."),

	GUIDE_FAILED(HttpStatus.INTERNAL_SERVER_ERROR,
			"A rule of the guide threw (or recursed without end) for this request; 'correlationId' finds it in the log."),

	GUIDE_INCOMPLETE(HttpStatus.INTERNAL_SERVER_ERROR,
			"The guide left the preset or a parameter without a value for this request; 'correlationId' finds it in the log."),

	DECISION_LOG_BEHIND(HttpStatus.SERVICE_UNAVAILABLE,
			"The decision log has not written the recommendation yet: retry shortly."),

	DECISION_LOG_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE,
			"Acknowledged mode: the decision could not be committed in time (database down or too slow); "
					+ "nothing was answered, retry after 'Retry-After'."),

	CREDENTIAL_CHECK_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE,
			"A JWT could not be checked because the issuer's key set did not answer in time: retry after 'Retry-After'."),

	SERVICE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "The service cannot answer right now: retry shortly.");

	private final HttpStatus status;

	private final String meaning;

	ProblemCode(HttpStatus status, String meaning) {
		this.status = status;
		this.meaning = meaning;
	}

	/** The code as problem bodies spell it, such as {@code unknown_guide}. */
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public HttpStatus status() {
		return this.status;
	}

	/**
	 * What the code means, as the OpenAPI description and {@code docs/api.md} say; the
	 * detail of a problem that has nothing more specific to say.
	 */
	public String meaning() {
		return this.meaning;
	}

	/**
	 * The code for a status the service or its container answers without a more specific
	 * reason, such as Spring MVC's refusal of a method or Tomcat's of an encoded slash.
	 */
	public static ProblemCode forStatus(int status) {
		return switch (status) {
			case 401 -> UNAUTHORIZED;
			case 403 -> FORBIDDEN;
			case 404 -> NOT_FOUND;
			case 405 -> METHOD_NOT_ALLOWED;
			case 406 -> NOT_ACCEPTABLE;
			case 429 -> TOO_MANY_FAILED_AUTHENTICATIONS;
			case 413 -> CONTENT_TOO_LARGE;
			case 414 -> URI_TOO_LONG;
			case 415 -> UNSUPPORTED_MEDIA_TYPE;
			case 503 -> SERVICE_UNAVAILABLE;
			default -> HttpStatusCode.valueOf(status).is5xxServerError() ? INTERNAL_ERROR : BAD_REQUEST;
		};
	}

}
