package dev.loraguide.export;

import java.util.Map;

/**
 * One config file as a tree, before it is written: what a {@link TrainerMapping} makes
 * and {@link ConfigWriter} writes.
 *
 * @param path file name in the export
 * @param syntax what it is written as
 * @param tree its content, maps in key order with strings, numbers, booleans and lists
 */
record ConfigDocument(String path, Syntax syntax, Map<String, Object> tree) {

	/** The languages config files are written in. */
	enum Syntax {

		TOML("application/toml"), YAML("application/yaml"), JSON("application/json");

		private final String mediaType;

		Syntax(String mediaType) {
			this.mediaType = mediaType;
		}

		String mediaType() {
			return this.mediaType;
		}

	}

}
