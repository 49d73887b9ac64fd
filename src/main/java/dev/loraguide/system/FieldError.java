package dev.loraguide.system;

/**
 * One input that was refused, as listed in a problem body's {@code errors}.
 *
 * @param field JSON path of the input, such as {@code dataset.imageCount}
 * @param message what is wrong with it
 */
public record FieldError(String field, String message) {
}
