package dev.loraguide.security;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationPredicate;
import io.micrometer.observation.ObservationView;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * Keeps Spring Security's own observations ({@code spring.security.*}: the secured
 * request, the filter chain before and after, authentication and authorization, each a
 * timer and a long-task timer) on the requests where security decides something: those
 * that carry a credential and those on a path that needs a role. An anonymous request to
 * an open path (asking for a recommendation, while anonymous reading is on) would
 * otherwise pay four observations, eight meters looked up and recorded, for a decision
 * made in advance. Every request is still timed and counted with its status by
 * {@code http.server.requests}.
 */
final class SecurityObservations implements ObservationPredicate {

	private static final String PREFIX = "spring.security.";

	private final boolean anonymousRead;

	SecurityObservations(boolean anonymousRead) {
		this.anonymousRead = anonymousRead;
	}

	@Override
	public boolean test(String name, Observation.Context context) {
		if (!name.startsWith(PREFIX)) {
			return true;
		}
		HttpServletRequest request = requestOf(context);
		return request == null || decides(request);
	}

	private boolean decides(HttpServletRequest request) {
		if (request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
			return true;
		}
		if (RequiredRole.ADMINISTERING.matches(request) || RequiredRole.REPORTING.matches(request)) {
			return true;
		}
		return !this.anonymousRead && RequiredRole.READING.matches(request);
	}

	/**
	 * The HTTP request the observation belongs to: that of the nearest
	 * {@code http.server.requests} observation around it, null outside one.
	 */
	private static HttpServletRequest requestOf(Observation.ContextView context) {
		Observation.ContextView current = context;
		while (current != null) {
			if (current instanceof ServerRequestObservationContext server) {
				return server.getCarrier();
			}
			ObservationView parent = current.getParentObservation();
			current = (parent != null) ? parent.getContextView() : null;
		}
		return null;
	}

}
