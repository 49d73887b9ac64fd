package dev.loraguide.guide;

/**
 * Checks a candidate revision somewhere the service is safe from it; the service's is
 * {@link GuideGate}, a JVM of its own per check.
 */
@FunctionalInterface
interface RevisionCheck {

	GuideVerdict check(GuideSource source);

}
