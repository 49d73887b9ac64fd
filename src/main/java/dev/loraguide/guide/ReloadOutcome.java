package dev.loraguide.guide;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What one reload did to one guide; the {@code outcome} tag of
 * {@code lora.guide.reloads}.
 */
public enum ReloadOutcome {

	/** A new revision went live. */
	ACTIVATED,

	/** A new revision was refused; the last good one, if any, keeps serving. */
	REFUSED,

	/** The guide's folder is gone and so is the guide. */
	REMOVED,

	/** Nothing new on disk for this guide. */
	UNCHANGED;

	@JsonValue
	public String tag() {
		return name().toLowerCase(Locale.ROOT);
	}

}
