package dev.loraguide.guide;

import java.time.Instant;

/**
 * What the last live swap of a guide changed: its previous revision against the one now
 * serving.
 *
 * @param at when the new revision went live
 * @param diff the image-count ranges whose answers changed; {@code identical} when the
 * swap changed no answer
 */
public record GuideChange(Instant at, GuideDiff diff) {
}
