package dev.loraguide.guide.fact;

/**
 * Expected size of the trained LoRA file.
 *
 * @param min lower bound in megabytes
 * @param max upper bound in megabytes
 */
public record FileSizeEstimate(double min, double max) {
}
