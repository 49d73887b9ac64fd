package dev.loraguide.experiment;

import dev.loraguide.system.ApiProblemException;

import org.springframework.http.HttpStatus;

/** A request named an experiment the serving experiments file does not declare. */
class UnknownExperimentException extends ApiProblemException {

	UnknownExperimentException(String id) {
		super(HttpStatus.NOT_FOUND, "unknown_experiment", null, "no experiment '" + id + "' in the experiments file");
	}

}
