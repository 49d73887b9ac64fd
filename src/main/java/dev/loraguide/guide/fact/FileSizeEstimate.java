package dev.loraguide.guide.fact;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Expected size of the trained LoRA file.
 *
 * @param min lower bound in megabytes
 * @param max upper bound in megabytes
 */
@Schema(nullable = true)
public record FileSizeEstimate(double min, double max) {
}
