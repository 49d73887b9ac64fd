package dev.loraguide.guide.fact;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

/**
 * Parameters a caller fixes by hand. Rules never overwrite a fixed value; values derived
 * from it (warmup, epochs) follow it. The bounds are sanity limits of the mechanism, not
 * guide policy: they only refuse values no trainer accepts.
 *
 * @param maxTrainSteps fixed total steps
 * @param learningRate fixed learning rate, above 0 and at most 1
 * @param networkDim fixed LoRA rank
 * @param networkAlpha fixed LoRA alpha
 * @param repeats fixed repeats per image
 * @param epochs fixed epochs
 * @param warmupSteps fixed warmup steps
 * @param lrScheduler fixed scheduler name
 */
public record ParameterOverrides(@Schema(nullable = true) @Min(1) @Max(100_000) Integer maxTrainSteps,
		@Schema(nullable = true, minimum = "0", exclusiveMinimum = true, maximum = "1",
				example = "0.0003") @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") Double learningRate,
		@Schema(nullable = true) @Min(1) @Max(1024) Integer networkDim,
		@Schema(nullable = true) @Min(1) @Max(1024) Integer networkAlpha,
		@Schema(nullable = true) @Min(1) @Max(1000) Integer repeats,
		@Schema(nullable = true) @Min(1) @Max(100_000) Integer epochs,
		@Schema(nullable = true) @Min(0) @Max(100_000) Integer warmupSteps,
		@Schema(nullable = true) @Pattern(
				regexp = "^(constant|constant_with_warmup|cosine|cosine_with_restarts|linear|polynomial)$",
				message = "must be one of constant, constant_with_warmup, cosine, cosine_with_restarts, linear, polynomial") String lrScheduler) {

	public static final ParameterOverrides NONE = new ParameterOverrides(null, null, null, null, null, null, null,
			null);

}
