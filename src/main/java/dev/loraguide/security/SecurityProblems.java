package dev.loraguide.security;

import java.io.IOException;
import java.net.URI;

import dev.loraguide.system.ProblemCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Refusals as RFC 9457 problem bodies, like every other refusal of the API: 401
 * {@code unauthorized} (no credential, or one that is not valid), 403 {@code forbidden}
 * (a valid credential without the role), 429 {@code too_many_failed_authentications} and
 * 503 {@code credential_check_unavailable}, both with {@code Retry-After}.
 */
class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final JsonMapper json;

	SecurityProblems(JsonMapper json) {
		this.json = json;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
			throws IOException {
		if (exception instanceof TooManyFailedAuthenticationsException throttled) {
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(throttled.retryAfterSeconds()));
			write(request, response, ProblemCode.TOO_MANY_FAILED_AUTHENTICATIONS, throttled.getMessage());
			return;
		}
		if (exception instanceof CredentialCheckUnavailableException) {
			response.setHeader(HttpHeaders.RETRY_AFTER,
					String.valueOf(CredentialCheckUnavailableException.RETRY_AFTER_SECONDS));
			write(request, response, ProblemCode.CREDENTIAL_CHECK_UNAVAILABLE, exception.getMessage());
			return;
		}
		boolean presented = request.getHeader(HttpHeaders.AUTHORIZATION) != null;
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, presented ? "Bearer error=\"invalid_token\"" : "Bearer");
		write(request, response, ProblemCode.UNAUTHORIZED,
				presented ? "The bearer credential was refused: it is neither a token of this service nor a valid JWT."
						: "This needs a credential: send 'Authorization: Bearer <token>' (see docs/security.md).");
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
			throws IOException {
		write(request, response, ProblemCode.FORBIDDEN, "The credential is valid but lacks the role this needs: "
				+ RequiredRole.of(request).settingName() + ".");
	}

	private void write(HttpServletRequest request, HttpServletResponse response, ProblemCode code, String detail)
			throws IOException {
		HttpStatus status = code.status();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		try {
			problem.setInstance(URI.create(request.getRequestURI()));
		}
		catch (IllegalArgumentException ex) {
			// A path that is no URI has nothing to point back at.
		}
		problem.setProperty("code", code.code());
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getOutputStream().write(this.json.writeValueAsBytes(problem));
	}

}
