package dev.loraguide.experiment;

import java.util.Locale;

/** Whether an experiment enrols actors. */
enum ExperimentStatus {

	RUNNING, STOPPED;

	/** The status as written in the experiments file. */
	@Override
	public String toString() {
		return name().toLowerCase(Locale.ROOT);
	}

}
