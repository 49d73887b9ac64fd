package dev.loraguide.guide;

import dev.loraguide.system.ApiProblemException;
import org.springframework.http.HttpStatus;

/** A request named a guide that is not loaded. */
public class UnknownGuideException extends ApiProblemException {

	UnknownGuideException(String guideId) {
		super(HttpStatus.NOT_FOUND, "unknown_guide", "guide", "no guide '" + guideId + "' is loaded");
	}

}
