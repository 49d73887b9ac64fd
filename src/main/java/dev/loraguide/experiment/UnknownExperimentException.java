package dev.loraguide.experiment;

import dev.loraguide.system.ApiProblemException;
import dev.loraguide.system.CallerInput;
import dev.loraguide.system.ProblemCode;

/** A request named an experiment the serving experiments file does not declare. */
class UnknownExperimentException extends ApiProblemException {

	UnknownExperimentException(String id) {
		super(ProblemCode.UNKNOWN_EXPERIMENT, null,
				"no experiment " + CallerInput.quote(id) + " in the experiments file");
	}

}
