package dev.loraguide.export;

/**
 * A place where the trainer cannot take what the guide said, and what was written
 * instead.
 *
 * @param parameter the recommendation's parameter name ({@code warmupSteps},
 * {@code epochs} ...)
 * @param wanted what the guide recommended
 * @param written what the file says, null when nothing was written for it
 * @param reason why, in the trainer's terms
 */
public record LossyMapping(String parameter, Object wanted, Object written, String reason) {
}
