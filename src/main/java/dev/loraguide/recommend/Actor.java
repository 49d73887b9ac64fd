package dev.loraguide.recommend;

import dev.loraguide.guide.fact.ActorDataset;

import jakarta.validation.constraints.Size;

/**
 * The person a LoRA is trained on.
 *
 * @param id stable actor id, used for experiment assignment and the decision log
 * @param name display name; becomes the trigger token in guides that say so
 */
public record Actor(@Size(max = ActorDataset.MAX_NAME_LENGTH) String id,
		@Size(max = ActorDataset.MAX_NAME_LENGTH) String name) {
}
