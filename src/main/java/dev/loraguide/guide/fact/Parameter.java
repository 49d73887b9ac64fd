package dev.loraguide.guide.fact;

/**
 * The training parameters a guide recommends and a caller may fix by hand. The JSON name
 * is the one callers use in {@code overrides} and read in {@code parameters}.
 */
public enum Parameter {

	MAX_TRAIN_STEPS("maxTrainSteps"),

	LEARNING_RATE("learningRate"),

	NETWORK_DIM("networkDim"),

	NETWORK_ALPHA("networkAlpha"),

	REPEATS("repeats"),

	EPOCHS("epochs"),

	WARMUP_STEPS("warmupSteps"),

	LR_SCHEDULER("lrScheduler");

	private final String jsonName;

	Parameter(String jsonName) {
		this.jsonName = jsonName;
	}

	public String jsonName() {
		return this.jsonName;
	}

}
