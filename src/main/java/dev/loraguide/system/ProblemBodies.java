package dev.loraguide.system;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Builds the problem bodies every layer answers with, from Tomcat up to the API. */
final class ProblemBodies {

	/** Characters of the request path repeated as {@code instance} at most. */
	private static final int MAX_INSTANCE = 200;

	private ProblemBodies() {
	}

	static ProblemDetail of(ProblemCode code, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(code.status(), detail);
		problem.setProperty("code", code.code());
		return problem;
	}

	/** A problem for a status answered without a more specific reason. */
	static ProblemDetail forStatus(int status) {
		ProblemCode code = ProblemCode.forStatus(status);
		ProblemDetail problem = of(code, code.meaning());
		if (code.status().value() != status) {
			problem.setStatus(status);
			HttpStatus known = HttpStatus.resolve(status);
			problem.setTitle((known != null) ? known.getReasonPhrase() : null);
		}
		return problem;
	}

	/**
	 * The request path as the problem's {@code instance}: as sent (percent-encoded), cut
	 * after {@value #MAX_INSTANCE} characters.
	 */
	static URI instance(String requestUri) {
		if (requestUri == null) {
			return null;
		}
		String path = requestUri;
		if (path.length() > MAX_INSTANCE) {
			path = path.substring(0, MAX_INSTANCE);
			int escape = path.lastIndexOf('%');
			if (escape >= MAX_INSTANCE - 2) {
				path = path.substring(0, escape);
			}
		}
		try {
			return URI.create(path);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
