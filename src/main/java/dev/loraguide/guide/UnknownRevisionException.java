package dev.loraguide.guide;

import dev.loraguide.system.ApiProblemException;

import org.springframework.http.HttpStatus;

/**
 * A request named a revision of a guide that is neither serving nor the one its last swap
 * replaced.
 */
class UnknownRevisionException extends ApiProblemException {

	UnknownRevisionException(String guideId, String revision) {
		super(HttpStatus.NOT_FOUND, "unknown_revision", "revision", "guide '" + guideId + "' keeps no revision '"
				+ revision + "': only the serving one and the one its last swap replaced");
	}

}
