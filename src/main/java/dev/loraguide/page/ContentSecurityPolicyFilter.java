package dev.loraguide.page;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sends {@value #POLICY} with the guide page and its files: the browser then runs no
 * inline script or style and sends no request outside the service, whatever a guide's
 * text holds. The OpenAPI UI under {@code /swagger-ui} keeps its own rules.
 */
@Component
class ContentSecurityPolicyFilter extends OncePerRequestFilter {

	static final String POLICY = "default-src 'self'";

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.startsWith("/swagger-ui") || path.startsWith("/v3/api-docs");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader("Content-Security-Policy", POLICY);
		chain.doFilter(request, response);
	}

}
