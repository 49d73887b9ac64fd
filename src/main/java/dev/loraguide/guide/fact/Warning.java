package dev.loraguide.guide.fact;

/**
 * Advice attached to a recommendation, written by a rule (or by the service when the
 * answer lacks something a caller relies on).
 *
 * @param code stable identifier a caller can switch on
 * @param message sentence for a person
 */
public record Warning(String code, String message) {
}
