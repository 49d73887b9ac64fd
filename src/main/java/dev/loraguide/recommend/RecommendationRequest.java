package dev.loraguide.recommend;

import dev.loraguide.guide.fact.ParameterOverrides;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * {@code POST /api/v1/recommendations}: whose dataset, how big, and optionally which
 * guide and which parameters are fixed by hand.
 *
 * @param actor the person the LoRA is trained on; optional
 * @param dataset the training image set
 * @param guide guide id; the configured default guide when absent
 * @param overrides parameters fixed by hand; rules never overwrite them
 */
public record RecommendationRequest(@Valid Actor actor, @Valid @NotNull Dataset dataset, String guide,
		@Valid ParameterOverrides overrides) {

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
