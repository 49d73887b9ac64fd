package dev.loraguide.export;

import dev.loraguide.system.ApiProblemException;

import org.springframework.http.HttpStatus;

/** An export option the caller can fix: an unknown format, a bad value, a typo'd name. */
public class InvalidExportOptionException extends ApiProblemException {

	InvalidExportOptionException(String field, String message) {
		super(HttpStatus.BAD_REQUEST, "invalid_export_option", field, field + " " + message);
	}

}
