package dev.loraguide.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;

/**
 * Turns a validated JWT into a caller with roles: each role whose scope (settings
 * {@code security.jwt.read}, {@code .report}, {@code .admin}) is among the token's
 * {@code scope} or {@code scp} claim. Other scopes grant nothing.
 */
class ScopeRoles implements Converter<Jwt, AbstractAuthenticationToken> {

	private final SecuritySettings.JwtScopes scopes;

	private final JwtGrantedAuthoritiesConverter scopeClaims = new JwtGrantedAuthoritiesConverter();

	ScopeRoles(SecuritySettings.JwtScopes scopes) {
		this.scopes = scopes;
		this.scopeClaims.setAuthorityPrefix("");
	}

	@Override
	public AbstractAuthenticationToken convert(Jwt jwt) {
		Set<String> granted = this.scopeClaims.convert(jwt)
			.stream()
			.map(GrantedAuthority::getAuthority)
			.collect(Collectors.toSet());
		Collection<GrantedAuthority> roles = List.of(Role.values())
			.stream()
			.filter((role) -> granted.contains(this.scopes.scopeOf(role)))
			.map(Role::authority)
			.collect(Collectors.toList());
		return new JwtAuthenticationToken(jwt, roles, jwt.getSubject());
	}

}
