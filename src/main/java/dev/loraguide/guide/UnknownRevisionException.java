package dev.loraguide.guide;

import dev.loraguide.system.ApiProblemException;
import dev.loraguide.system.CallerInput;
import dev.loraguide.system.ProblemCode;

/**
 * A request named a revision of a guide that is neither serving nor the one its last swap
 * replaced.
 */
class UnknownRevisionException extends ApiProblemException {

	UnknownRevisionException(String guideId, String revision) {
		super(ProblemCode.UNKNOWN_REVISION, "revision", "guide " + CallerInput.quote(guideId) + " keeps no revision "
				+ CallerInput.quote(revision) + ": only the serving one and the one its last swap replaced");
	}

}
