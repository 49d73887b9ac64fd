package dev.loraguide.recommend;

import dev.loraguide.guide.PresetTable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * The actor's training image set.
 *
 * @param imageCount number of training images, a whole number from 1 to 100000
 */
public record Dataset(@Schema(example = "23") @NotNull @Min(1) @Max(PresetTable.MAX_IMAGE_COUNT) Integer imageCount) {
}
