package dev.loraguide.system;

import java.io.IOException;
import java.io.OutputStream;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Writes a problem body straight to a servlet response, for the layers below Spring MVC:
 * filters, the error page and Tomcat's error report.
 */
final class ProblemResponseWriter {

	private final JsonMapper json;

	ProblemResponseWriter(JsonMapper json) {
		this.json = json;
	}

	void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
		byte[] body = this.json.writeValueAsBytes(problem);
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setContentLength(body.length);
		try (OutputStream out = response.getOutputStream()) {
			out.write(body);
		}
	}

}
