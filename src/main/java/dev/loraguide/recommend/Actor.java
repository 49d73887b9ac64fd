package dev.loraguide.recommend;

import java.text.Normalizer;

import dev.loraguide.guide.fact.ActorDataset;
import dev.loraguide.system.PlainText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;

/**
 * The person a LoRA is trained on. The name becomes a trigger token written into trainer
 * configs, so it is taken as a person reads it: Unicode-normalised (NFC), without
 * surrounding spaces, and refused when it hides characters nobody can see.
 *
 * @param id stable actor id, used for experiment assignment and the decision log
 * @param name display name; becomes the trigger token in guides that say so
 */
public record Actor(
		@Schema(nullable = true, maxLength = ActorDataset.MAX_NAME_LENGTH,
				example = "actor-0042") @Size(max = ActorDataset.MAX_NAME_LENGTH) @PlainText String id,
		@Schema(nullable = true, maxLength = ActorDataset.MAX_NAME_LENGTH,
				example = "Ada Lovelace") @Size(max = ActorDataset.MAX_NAME_LENGTH) @PlainText String name) {

	public Actor {
		if (name != null) {
			name = Normalizer.normalize(name, Normalizer.Form.NFC).strip();
		}
	}

}
