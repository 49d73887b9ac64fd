package dev.loraguide.security;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Which role each part of the API needs. The one list, read both by the filter chain and
 * by the 403 message.
 */
final class RequiredRole {

	/** Reloads, previews, experiment internals. */
	static final RequestMatcher ADMINISTERING = PathPatternRequestMatcher.withDefaults().matcher("/api/v1/admin/**");

	/** Reporting how a training went. */
	static final RequestMatcher REPORTING = PathPatternRequestMatcher.withDefaults()
		.matcher("/api/v1/recommendations/*/outcomes");

	/** The rest of the API: guides, recommendations, experiments and their results. */
	static final RequestMatcher READING = PathPatternRequestMatcher.withDefaults().matcher("/api/v1/**");

	private RequiredRole() {
	}

	static Role of(HttpServletRequest request) {
		if (ADMINISTERING.matches(request)) {
			return Role.ADMIN;
		}
		return REPORTING.matches(request) ? Role.REPORT : Role.READ;
	}

}
