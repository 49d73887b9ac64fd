package dev.loraguide.system;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

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
		return problem(ex, HttpStatus.BAD_REQUEST, "invalid_field", errors, headers, request);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (ex.getCause() instanceof JacksonException jackson) {
			if (JsonInputProblems.isMalformedJson(jackson)) {
				ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
						"The body is not valid JSON: " + JsonInputProblems.syntaxErrorOf(jackson));
				body.setProperty("code", "malformed_json");
				return handleExceptionInternal(ex, body, headers, HttpStatus.BAD_REQUEST, request);
			}
			String field = JsonInputProblems.fieldOf(jackson);
			List<FieldError> errors = List.of(new FieldError(field, JsonInputProblems.messageOf(jackson)));
			return problem(ex, HttpStatus.BAD_REQUEST, "invalid_field", errors, headers, request);
		}
		ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The request body is missing or cannot be read.");
		body.setProperty("code", "unreadable_body");
		return handleExceptionInternal(ex, body, headers, HttpStatus.BAD_REQUEST, request);
	}

	@ExceptionHandler
	ResponseEntity<Object> handleApiProblem(ApiProblemException ex, WebRequest request) {
		ProblemDetail body = ProblemDetail.forStatusAndDetail(ex.status(), ex.getMessage());
		body.setProperty("code", ex.code());
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
	ResponseEntity<Object> handleUnexpected(RuntimeException ex, WebRequest request) {
		logger.error("Request failed: {}", request.getDescription(false), ex);
		ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"The service failed to answer: " + ex.getMessage());
		body.setProperty("code", "internal_error");
		return handleExceptionInternal(ex, body, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
	}

	/**
	 * Gives the problems Spring MVC raises itself (415, 405, 404 ...) a {@code code} too.
	 */
	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
		if (response != null && response.getBody() instanceof ProblemDetail problem
				&& (problem.getProperties() == null || !problem.getProperties().containsKey("code"))) {
			HttpStatus status = HttpStatus.resolve(statusCode.value());
			problem.setProperty("code",
					(status != null) ? status.name().toLowerCase(Locale.ROOT) : "http_" + statusCode.value());
		}
		return response;
	}

	private ResponseEntity<Object> problem(Exception ex, HttpStatus status, String code, List<FieldError> errors,
			HttpHeaders headers, WebRequest request) {
		String detail = errors.stream()
			.map((error) -> error.field() + " " + error.message())
			.reduce((a, b) -> a + "; " + b)
			.orElse("The request is invalid.");
		ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
		body.setProperty("code", code);
		if (!errors.isEmpty()) {
			body.setProperty("field", errors.get(0).field());
		}
		body.setProperty("errors", errors);
		return handleExceptionInternal(ex, body, headers, status, request);
	}

}
