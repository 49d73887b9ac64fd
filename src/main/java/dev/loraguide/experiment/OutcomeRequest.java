package dev.loraguide.experiment;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * {@code POST /api/v1/recommendations/{id}/outcomes}: one measure of how the training
 * went.
 *
 * @param metric metric name: a letter, then up to 63 letters, digits, '_', '.' or '-'
 * @param value the measure, a finite number
 */
record OutcomeRequest(
		@Schema(example = "identity_similarity") @NotNull @Pattern(regexp = "^[A-Za-z][A-Za-z0-9_.-]{0,63}$",
				message = "must be a letter followed by up to 63 letters, digits, '_', '.' or '-'") String metric,
		@Schema(example = "0.87") @NotNull Double value) {
}
