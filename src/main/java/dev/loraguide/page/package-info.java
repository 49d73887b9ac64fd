/**
 * The guide page at {@code /}: a static page in {@code static/} that draws guides,
 * compares them, tries requests and shows experiments, all from the public JSON API. This
 * package holds only what the server adds to it: the Content-Security-Policy that keeps
 * every script, style and request on the service, and the preload of the default guide's
 * answers that its first view draws.
 */
package dev.loraguide.page;
