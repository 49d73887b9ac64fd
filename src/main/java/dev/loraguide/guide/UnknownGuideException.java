package dev.loraguide.guide;

import dev.loraguide.system.ApiProblemException;
import dev.loraguide.system.CallerInput;
import dev.loraguide.system.ProblemCode;

/** A request named a guide that is not loaded. */
public class UnknownGuideException extends ApiProblemException {

	UnknownGuideException(String guideId) {
		super(ProblemCode.UNKNOWN_GUIDE, "guide", "no guide " + CallerInput.quote(guideId) + " is loaded");
	}

}
