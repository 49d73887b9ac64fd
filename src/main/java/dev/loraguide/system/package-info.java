/**
 * Cross-cutting concerns every feature shares: RFC 9457 problem bodies, strict JSON
 * reading, the OpenAPI description and HTTP security. Depends on no feature package.
 */
package dev.loraguide.system;
