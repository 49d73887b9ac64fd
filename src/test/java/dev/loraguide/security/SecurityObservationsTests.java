package dev.loraguide.security;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Security's observations are kept where security decides something, and only
 * there; other observations are never touched.
 */
class SecurityObservationsTests {

	@Test
	void anAnonymousRequestToAnOpenPathHasNoSecurityObservations() {
		assertThat(securityObservedIn(request("POST", "/api/v1/recommendations"), true)).isFalse();
	}

	@Test
	void aRequestWithACredentialKeepsThem() {
		MockHttpServletRequest request = request("POST", "/api/v1/recommendations");
		request.addHeader("Authorization", "Bearer some-token");
		assertThat(securityObservedIn(request, true)).isTrue();
	}

	@Test
	void aPathThatNeedsARoleKeepsThemWithoutACredential() {
		assertThat(securityObservedIn(request("POST", "/api/v1/admin/guides/reload"), true)).isTrue();
		assertThat(securityObservedIn(request("POST", "/api/v1/recommendations/42/outcomes"), true)).isTrue();
	}

	@Test
	void readingKeepsThemWhenItNeedsTheReadRole() {
		assertThat(securityObservedIn(request("POST", "/api/v1/recommendations"), false)).isTrue();
	}

	@Test
	void outsideAnHttpRequestTheyAreKept() {
		ObservationRegistry registry = registry(true);
		assertThat(Observation.createNotStarted("spring.security.authorizations", registry).isNoop()).isFalse();
	}

	@Test
	void otherObservationsAreNotTouched() {
		ObservationRegistry registry = registry(true);
		Observation server = serverObservation(request("POST", "/api/v1/recommendations"), registry).start();
		try (Observation.Scope scope = server.openScope()) {
			assertThat(Observation.createNotStarted("lora.anything", registry).isNoop()).isFalse();
		}
		assertThat(server.isNoop()).isFalse();
		server.stop();
	}

	private static boolean securityObservedIn(MockHttpServletRequest request, boolean anonymousRead) {
		ObservationRegistry registry = registry(anonymousRead);
		Observation server = serverObservation(request, registry).start();
		try (Observation.Scope scope = server.openScope()) {
			return !Observation.createNotStarted("spring.security.filterchains", registry).isNoop();
		}
		finally {
			server.stop();
		}
	}

	private static Observation serverObservation(MockHttpServletRequest request, ObservationRegistry registry) {
		return Observation.createNotStarted("http.server.requests",
				() -> new ServerRequestObservationContext(request, new MockHttpServletResponse()), registry);
	}

	private static ObservationRegistry registry(boolean anonymousRead) {
		ObservationRegistry registry = ObservationRegistry.create();
		// A registry without handlers makes every observation a no-op.
		registry.observationConfig().observationHandler((context) -> true);
		registry.observationConfig().observationPredicate(new SecurityObservations(anonymousRead));
		return registry;
	}

	private static MockHttpServletRequest request(String method, String path) {
		MockHttpServletRequest request = new MockHttpServletRequest(method, path);
		request.setServletPath(path);
		return request;
	}

}
