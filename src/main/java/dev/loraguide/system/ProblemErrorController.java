package dev.loraguide.system;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet error page ({@code /error}) for whatever fails outside Spring MVC's
 * handlers, such as a filter or the container calling {@code sendError}. Replaces Boot's
 * {@code {timestamp,status,error,path}} body and its HTML page with a problem body,
 * whatever the caller accepts.
 */
@Hidden
@RestController
class ProblemErrorController implements ErrorController {

	@RequestMapping(path = "${server.error.path:/error}", produces = MediaType.ALL_VALUE)
	ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		ProblemDetail problem = ProblemBodies
			.forStatus((status instanceof Integer code && HttpStatusCode.valueOf(code).isError()) ? code
					: HttpStatus.INTERNAL_SERVER_ERROR.value());
		problem.setInstance(ProblemBodies.instance((String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI)));
		return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
