package dev.loraguide.recommend;

import dev.loraguide.guide.fact.ParameterOverrides;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/v1/recommendations}: whose dataset, how big, and optionally which
 * guide and which parameters are fixed by hand.
 *
 * @param actor the person the LoRA is trained on; optional
 * @param dataset the training image set
 * @param guide guide id; the configured default guide when absent
 * @param overrides parameters fixed by hand; rules never overwrite them
 */
public record RecommendationRequest(@Schema(nullable = true) @Valid Actor actor, @Valid @NotNull Dataset dataset,
		@Schema(nullable = true, maxLength = 64, example = "flux-lora") @Size(max = 64) @Pattern(
				regexp = "^[a-z0-9][a-z0-9-]*$",
				message = "must be a guide id: lower-case letters, digits and '-'") String guide,
		@Schema(nullable = true) @Valid ParameterOverrides overrides) {

	public RecommendationRequest {
		if (overrides == null) {
			overrides = ParameterOverrides.NONE;
		}
	}

	public String actorId() {
		return (this.actor != null) ? this.actor.id() : null;
	}

	public String actorName() {
		return (this.actor != null) ? this.actor.name() : null;
	}

}
