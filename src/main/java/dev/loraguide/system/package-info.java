/**
 * Cross-cutting concerns every feature shares: RFC 9457 problem bodies, strict JSON
 * reading, the OpenAPI description, start-up reports of bad settings. Depends on no
 * feature package.
 */
package dev.loraguide.system;
