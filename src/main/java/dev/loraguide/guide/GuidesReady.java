package dev.loraguide.guide;

/**
 * Published once at start-up, when every guide has loaded and the default guide serves,
 * before the web server takes requests: what reads the serving guides when it starts (the
 * experiments file, the per-preset meters) reads them then.
 */
public record GuidesReady() {
}
