package dev.loraguide.export;

import dev.loraguide.system.ApiProblemException;
import dev.loraguide.system.ProblemCode;

/** An export option the caller can fix: an unknown format, a bad value, a typo'd name. */
public class InvalidExportOptionException extends ApiProblemException {

	InvalidExportOptionException(String field, String message) {
		super(ProblemCode.INVALID_EXPORT_OPTION, field, field + " " + message);
	}

}
