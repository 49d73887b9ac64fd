package dev.loraguide.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Tomcat's own answer to what it refuses before Spring sees the request (an encoded slash
 * in the path, a {@code ;jsessionid=} path parameter, headers over the limit, a request
 * line it cannot parse): a problem body instead of Tomcat's HTML error page.
 */
class ProblemErrorReportValve extends ErrorReportValve {

	private final JsonMapper json;

	ProblemErrorReportValve(JsonMapper json) {
		this.json = json;
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (!HttpStatusCode.valueOf(status).isError() || response.getContentWritten() > 0
				|| !response.setErrorReported()) {
			return;
		}
		AtomicBoolean ioAllowed = new AtomicBoolean(false);
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get()) {
			return;
		}
		ProblemDetail problem = ProblemBodies.forStatus(status);
		problem.setInstance(ProblemBodies.instance(request.getDecodedRequestURI()));
		try {
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			var writer = response.getReporter();
			if (writer != null) {
				writer.write(this.json.writeValueAsString(problem));
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// The client is gone or the response was committed meanwhile: nothing to
			// tell.
		}
	}

}
