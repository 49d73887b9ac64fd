package dev.loraguide.experiment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.util.List;
import java.util.Map;

/**
 * The experiments file as written, bound field by field; {@link ExperimentsFile} turns it
 * into {@link Experiment}s once it validates. Fields are boxed so that a missing one is
 * reported as missing, not read as zero.
 *
 * @param experiments the file's experiments, in file order; absent means none
 */
record ExperimentsDocument(
		@Valid List<@NotNull(message = "must be a mapping of field: value") @Valid Entry> experiments) {

	static final String NAME = "[A-Za-z0-9][A-Za-z0-9._-]{0,99}";

	static final String NAME_RULE = "must be 1 to 100 letters, digits, '.', '_' or '-', starting with a letter or digit";

	static final String NOT_BLANK = "(?s).*\\S.*";

	/** One experiment; see {@link Experiment} for what each field means. */
	record Entry(@NotNull(message = "is required") @Pattern(regexp = NAME, message = NAME_RULE) String id,
			@NotNull(message = "is required") @Pattern(regexp = "(?i)running|stopped",
					message = "must be running or stopped") String status,
			@Pattern(regexp = NOT_BLANK, message = "must not be blank") String salt,
			@NotNull(message = "is required") List<@NotNull(
					message = "must be a mapping of field: value") @Valid VariantEntry> variants,
			@Valid FilterEntry filter, Map<String, @NotNull(message = "is required") @Pattern(regexp = NOT_BLANK,
					message = "must not be blank") String> forced) {

	}

	/** One variant; see {@link Variant}. */
	record VariantEntry(@NotNull(message = "is required") @Pattern(regexp = NAME, message = NAME_RULE) String name,
			@NotNull(message = "is required") @Pattern(regexp = NOT_BLANK, message = "must not be blank") String guide,
			@NotNull(message = "is required") @DecimalMin(value = "0",
					message = "must be a number from 0 to 100") @DecimalMax(value = "100",
							message = "must be a number from 0 to 100") Double weight) {

	}

	/** The requests an experiment claims. */
	record FilterEntry(@NotNull(message = "is required in a filter") @Valid RangeEntry imageCount) {

	}

	/** Both bounds included; an absent bound is open. */
	record RangeEntry(@Min(value = 1, message = "must be a whole number of at least 1") Integer min,
			@Min(value = 1, message = "must be a whole number of at least 1") Integer max) {

	}

}
