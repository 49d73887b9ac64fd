package dev.loraguide.system;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The API is a stateless JSON service for other services: no sessions, no CSRF tokens, no
 * login pages. Everything is open except {@code /api/v1/admin/**}, which needs
 * {@code Authorization: Bearer <guides.admin-token>} ({@code GUIDES_ADMIN_TOKEN}).
 * Without a token configured the admin endpoints are off: every call gets 401, since no
 * token can match.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(SecurityConfiguration.class);

	private static final String ADMIN_PATHS = "/api/v1/admin/**";

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, @Value("${guides.admin-token:}") String adminToken,
			JsonMapper json) {
		if (adminToken.isBlank()) {
			logger.info("Admin endpoints are off: set GUIDES_ADMIN_TOKEN to turn them on");
		}
		String refusal = adminToken.isBlank() ? "Admin endpoints are off: the service has no GUIDES_ADMIN_TOKEN."
				: "Admin endpoints need the header 'Authorization: Bearer <GUIDES_ADMIN_TOKEN>'.";
		return http.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.httpBasic((basic) -> basic.disable())
			.formLogin((form) -> form.disable())
			.addFilterBefore(new AdminTokenFilter(adminToken), UsernamePasswordAuthenticationFilter.class)
			.authorizeHttpRequests(
					(requests) -> requests.requestMatchers(ADMIN_PATHS).hasRole("ADMIN").anyRequest().permitAll())
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(unauthorized(json, refusal)))
			.build();
	}

	/** A 401 with an RFC 9457 body, like every other refusal of the API. */
	private static AuthenticationEntryPoint unauthorized(JsonMapper json, String detail) {
		return (request, response, exception) -> {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, detail);
			problem.setInstance(URI.create(request.getRequestURI()));
			problem.setProperty("code", "unauthorized");
			response.setStatus(HttpStatus.UNAUTHORIZED.value());
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.getOutputStream().write(json.writeValueAsBytes(problem));
		};
	}

	/**
	 * Grants the admin role to a request that carries the admin token; a blank token
	 * matches nothing.
	 */
	private static final class AdminTokenFilter extends OncePerRequestFilter {

		private static final String BEARER = "Bearer ";

		private final byte[] token;

		AdminTokenFilter(String token) {
			this.token = token.isBlank() ? null : token.getBytes(StandardCharsets.UTF_8);
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String header = request.getHeader(HttpHeaders.AUTHORIZATION);
			if (this.token != null && header != null && header.startsWith(BEARER) && MessageDigest.isEqual(this.token,
					header.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8))) {
				SecurityContextHolder.getContext()
					.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("admin", null,
							List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
			}
			chain.doFilter(request, response);
		}

	}

}
