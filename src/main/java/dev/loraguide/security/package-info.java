/**
 * Who may do what. Three roles ({@link dev.loraguide.security.Role}): reading guides and
 * asking for recommendations, reporting outcomes, administering. Callers prove a role
 * with a bearer credential: an API token, of which the service keeps only SHA-256 hashes
 * (from a file it re-reads, or from settings), or a JWT from an OAuth2 issuer whose
 * scopes map to roles. Failed authentications are logged at a bounded rate and slowed per
 * address. Depends on no feature package: it guards paths, not features.
 */
package dev.loraguide.security;
