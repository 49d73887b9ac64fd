package dev.loraguide.system;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place that turns exceptions into RFC 9457 problem bodies. Every body carries a
 * stable {@code code}; a body about bad input also names the field ({@code field}, and
 * {@code errors} when several are wrong). Nothing else in the service catches exceptions
 * for callers.
 */
@RestControllerAdvice
class ProblemDetailsHandler extends ResponseEntityExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ProblemDetailsHandler.class);

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldError> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> new FieldError(error.getField(), error.getDefaultMessage()))
			.sorted(Comparator.comparing(FieldError::field))
			.toList();
		return problem(ex, ProblemCode.INVALID_FIELD, errors, headers, request);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (causedBy(ex, BodyTooLargeException.class) != null) {
			ProblemDetail body = ProblemBodies.of(ProblemCode.CONTENT_TOO_LARGE,
					causedBy(ex, BodyTooLargeException.class).getMessage());
			return handleExceptionInternal(ex, body, headers, ProblemCode.CONTENT_TOO_LARGE.status(), request);
		}
		if (ex.getCause() instanceof JacksonException jackson) {
			if (JsonInputProblems.isDuplicateKey(jackson)) {
				String field = JsonInputProblems.duplicateKeyOf(jackson);
				return problem(ex, ProblemCode.DUPLICATE_KEY, List.of(new FieldError(field, "is given more than once")),
						headers, request);
			}
			if (JsonInputProblems.isMalformedJson(jackson)) {
				ProblemDetail body = ProblemBodies.of(ProblemCode.MALFORMED_JSON,
						"The body is not valid JSON: " + JsonInputProblems.syntaxErrorOf(jackson));
				return handleExceptionInternal(ex, body, headers, HttpStatus.BAD_REQUEST, request);
			}
			String field = JsonInputProblems.fieldOf(jackson);
			List<FieldError> errors = List.of(new FieldError(field, JsonInputProblems.messageOf(jackson)));
			return problem(ex, ProblemCode.INVALID_FIELD, errors, headers, request);
		}
		ProblemDetail body = ProblemBodies.of(ProblemCode.UNREADABLE_BODY, ProblemCode.UNREADABLE_BODY.meaning());
		return handleExceptionInternal(ex, body, headers, HttpStatus.BAD_REQUEST, request);
	}

	@ExceptionHandler
	ResponseEntity<Object> handleApiProblem(ApiProblemException ex, WebRequest request) {
		ProblemDetail body = ProblemBodies.of(ex.code(), ex.getMessage());
		if (ex.field() != null) {
			body.setProperty("field", ex.field());
			body.setProperty("errors", List.of(new FieldError(ex.field(), ex.getMessage())));
		}
		HttpHeaders headers = new HttpHeaders();
		if (ex.retryAfter() != null) {
			headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, ex.retryAfter().toSeconds())));
		}
		return handleExceptionInternal(ex, body, headers, ex.status(), request);
	}

	@ExceptionHandler
	ResponseEntity<Object> handleServiceFailure(ServiceFailureException ex, WebRequest request) {
		return failure(ex, ex.code(), ex.getMessage(), ex.getCause(), request);
	}

	@ExceptionHandler
	ResponseEntity<Object> handleUnexpected(RuntimeException ex, WebRequest request) {
		return failure(ex, ProblemCode.INTERNAL_ERROR, "The service failed to answer this request.", ex, request);
	}

	/**
	 * An internal server error whose body says what failed in a sentence and gives a
	 * correlation id; the cause, with its stack trace, goes to the log once under that id
	 * and never to the caller.
	 */
	private ResponseEntity<Object> failure(Exception ex, ProblemCode code, String message, Throwable cause,
			WebRequest request) {
		String correlationId = UUID.randomUUID().toString();
		if (cause != null) {
			logger.error("{} {} [correlation id {}]", message, request.getDescription(false), correlationId, cause);
		}
		else {
			logger.error("{} {} [correlation id {}]", message, request.getDescription(false), correlationId);
		}
		ProblemDetail body = ProblemBodies.of(code,
				message + " Quote correlation id " + correlationId + " when reporting it.");
		body.setProperty("correlationId", correlationId);
		return handleExceptionInternal(ex, body, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
	}

	/**
	 * Gives the problems Spring MVC raises itself (415, 405, 404 ...) a {@code code} too,
	 * and a detail of its own: Spring's repeats the caller's path or Content-Type in
	 * full. Every problem's {@code instance} is the request path, cut short when long.
	 */
	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
		if (response != null && response.getBody() instanceof ProblemDetail problem) {
			if (problem.getProperties() == null || !problem.getProperties().containsKey("code")) {
				ProblemCode code = ProblemCode.forStatus(statusCode.value());
				problem.setProperty("code", code.code());
				problem.setDetail(code.meaning());
			}
			if (request instanceof ServletWebRequest servlet) {
				problem.setInstance(ProblemBodies.instance(servlet.getRequest().getRequestURI()));
			}
		}
		return response;
	}

	private static <T extends Throwable> T causedBy(Throwable ex, Class<T> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}

	private ResponseEntity<Object> problem(Exception ex, ProblemCode code, List<FieldError> errors, HttpHeaders headers,
			WebRequest request) {
		String detail = errors.stream()
			.map((error) -> error.field() + " " + error.message())
			.reduce((a, b) -> a + "; " + b)
			.orElse("The request is invalid.");
		ProblemDetail body = ProblemBodies.of(code, detail);
		if (!errors.isEmpty()) {
			body.setProperty("field", errors.get(0).field());
		}
		body.setProperty("errors", errors);
		return handleExceptionInternal(ex, body, headers, code.status(), request);
	}

}
