package dev.loraguide.export;

import java.text.Normalizer;
import java.util.Locale;

/**
 * A name that is safe as a file name, a shell word and a TOML or YAML value as it is:
 * lower-case ASCII letters and digits joined by underscores. {@code Jane Doe} becomes
 * {@code jane_doe}, {@code Zoë} {@code zoe}.
 */
final class Slug {

	static final int MAX_LENGTH = 64;

	/** What a slug looks like; a caller-given output name must look like one too. */
	static final String PATTERN = "[a-z0-9](?:[a-z0-9_-]{0,62}[a-z0-9])?";

	private Slug() {
	}

	/** The slug of a text, or the fallback when nothing of it is left. */
	static String of(String text, String fallback) {
		if (text == null) {
			return fallback;
		}
		String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
		String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
		if (slug.length() > MAX_LENGTH) {
			slug = slug.substring(0, MAX_LENGTH).replaceAll("_+$", "");
		}
		return slug.isEmpty() ? fallback : slug;
	}

}
