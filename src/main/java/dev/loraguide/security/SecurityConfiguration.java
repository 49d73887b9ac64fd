package dev.loraguide.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.loraguide.system.PeriodicTask;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.JwkSetUriJwtDecoderBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.SingleResultAuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.client.RestTemplate;

/**
 * The API is a stateless JSON service for other services: no sessions, no CSRF tokens, no
 * login pages. Credentials are bearer tokens: the service's API tokens or JWTs of a
 * configured issuer. Administering ({@code /api/v1/admin/**}) needs the admin role,
 * reporting outcomes the report role, and the rest of the API the read role, which
 * anonymous callers have unless {@code security.anonymous-read} is false. Documentation,
 * the page and actuator endpoints stay open; health details are for admins (see
 * application.yaml).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(SecurityConfiguration.class);

	@Bean
	ApiTokens apiTokens(SecuritySettings settings, @Value("${guides.admin-token:}") String adminToken,
			ObjectProvider<JwtDecoder> jwtDecoder) {
		List<ApiToken> fromSettings = new ArrayList<>(settings.tokens());
		if (!adminToken.isBlank()) {
			// The admin token of earlier versions keeps working; only its hash is kept.
			fromSettings
				.add(new ApiToken("GUIDES_ADMIN_TOKEN", TokensFile.sha256(adminToken.strip()), Set.of(Role.ADMIN)));
		}
		boolean configured = !fromSettings.isEmpty() || jwtDecoder.getIfAvailable() != null
				|| TokensFile.readBytes(settings.tokensFile()) != null;
		if (!configured) {
			GeneratedCredential.generate(settings.tokensFile());
		}
		return new ApiTokens(fromSettings, settings.tokensFile());
	}

	/** Tokens are added, rotated and revoked in the file without a restart. */
	@Bean
	PeriodicTask tokensWatcher(ApiTokens tokens, SecuritySettings settings) {
		return new PeriodicTask("tokens-watcher", settings.tokensScanInterval(), tokens::scan);
	}

	/**
	 * Without a bound, a key set that stops answering would hold every JWT request (and
	 * its Tomcat thread) for as long as the socket stays open.
	 */
	@Bean
	JwkSetUriJwtDecoderBuilderCustomizer jwkSetTimeout(SecuritySettings settings) {
		SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
		requests.setConnectTimeout(settings.jwkSetTimeout());
		requests.setReadTimeout(settings.jwkSetTimeout());
		RestTemplate keySet = new RestTemplate(requests);
		return (builder) -> builder.restOperations(keySet);
	}

	@Bean
	SecurityObservations securityObservations(SecuritySettings settings) {
		return new SecurityObservations(settings.anonymousRead());
	}

	@Bean
	RoleHierarchy roleHierarchy() {
		return RoleHierarchyImpl.withDefaultRolePrefix()
			.role(Role.ADMIN.name())
			.implies(Role.REPORT.name())
			.role(Role.REPORT.name())
			.implies(Role.READ.name())
			.build();
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, SecuritySettings settings, ApiTokens tokens,
			ObjectProvider<JwtDecoder> jwtDecoder, RoleHierarchy roles, JsonMapper json, MeterRegistry meters) {
		JwtAuthenticationProvider jwts = jwtProvider(jwtDecoder.getIfAvailable(), settings);
		logger.info("Credentials: {} API token(s){}; reading {}", tokens.size(),
				(jwts != null) ? " and JWTs" : ", no JWT issuer",
				settings.anonymousRead() ? "is open to anonymous callers" : "needs the read role");
		BearerAuthentication bearer = new BearerAuthentication(tokens, jwts,
				new FailedAuthentications(settings.failedAuthenticationLimit(), meters));
		SecurityProblems problems = new SecurityProblems(json);
		return http.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.httpBasic((basic) -> basic.disable())
			.formLogin((form) -> form.disable())
			.logout((logout) -> logout.disable())
			.requestCache((cache) -> cache.disable())
			.oauth2ResourceServer((server) -> server.authenticationManagerResolver(bearer)
				.authenticationEntryPoint(problems)
				.accessDeniedHandler(problems))
			.authorizeHttpRequests((requests) -> requests.requestMatchers(RequiredRole.ADMINISTERING)
				.access(role(Role.ADMIN, roles))
				.requestMatchers(RequiredRole.REPORTING)
				.access(role(Role.REPORT, roles))
				.requestMatchers(RequiredRole.READING)
				.access(settings.anonymousRead() ? SingleResultAuthorizationManager.permitAll()
						: role(Role.READ, roles))
				.anyRequest()
				.permitAll())
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.build();
	}

	private static AuthorizationManager<RequestAuthorizationContext> role(Role role, RoleHierarchy roles) {
		AuthorityAuthorizationManager<RequestAuthorizationContext> manager = AuthorityAuthorizationManager
			.hasRole(role.name());
		manager.setRoleHierarchy(roles);
		return manager;
	}

	private static JwtAuthenticationProvider jwtProvider(JwtDecoder decoder, SecuritySettings settings) {
		if (decoder == null) {
			return null;
		}
		JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
		provider.setJwtAuthenticationConverter(new ScopeRoles(settings.jwt()));
		return provider;
	}

}
