package dev.loraguide.export;

import dev.loraguide.system.CallerInput;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The trainers a recommendation can be exported for, by the id callers use. */
public enum TrainerFormat {

	/** kohya-ss sd-scripts {@code flux_train_network.py}. */
	KOHYA("kohya"),

	/** ostris ai-toolkit's job file. */
	AI_TOOLKIT("ai-toolkit"),

	/** fluxgym's dataset TOML and {@code train.sh}. */
	FLUXGYM("fluxgym");

	/** Every id, for messages and the API description. */
	public static final String IDS = "kohya, ai-toolkit, fluxgym";

	private final String id;

	TrainerFormat(String id) {
		this.id = id;
	}

	public String id() {
		return this.id;
	}

	/**
	 * The format with this id.
	 * @throws InvalidExportOptionException naming {@code format} when there is none
	 */
	public static TrainerFormat of(String id) {
		return Arrays.stream(values())
			.filter((format) -> format.id.equals(id))
			.findFirst()
			.orElseThrow(() -> new InvalidExportOptionException("format",
					"must be one of " + Arrays.stream(values()).map(TrainerFormat::id).collect(Collectors.joining(", "))
							+ ", not " + CallerInput.quote(id)));
	}

}
