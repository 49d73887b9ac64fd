package dev.loraguide.system;

import java.io.IOException;

/**
 * A body without a Content-Length went over the limit while it was read. An
 * {@link IOException}, so that it travels through the JSON reader to the problem handler.
 */
class BodyTooLargeException extends IOException {

	BodyTooLargeException(long limit) {
		super("The body is over the limit of " + limit + " bytes.");
	}

}
