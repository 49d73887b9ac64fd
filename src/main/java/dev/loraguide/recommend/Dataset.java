package dev.loraguide.recommend;

import dev.loraguide.guide.PresetTable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * The actor's training image set.
 *
 * @param imageCount number of training images, a whole number from 1 to 100000
 */
public record Dataset(@NotNull @Min(1) @Max(PresetTable.MAX_IMAGE_COUNT) Integer imageCount) {
}
