package dev.loraguide.guide;

import java.nio.file.Path;

/**
 * Loads the guides shipped in {@code rules/} the way the service does, for tests that
 * need no server.
 */
public final class ShippedGuides {

	public static final Path RULES = Path.of("rules");

	private ShippedGuides() {
	}

	public static Guide load(String id) {
		try {
			return new GuideLoader(new GuideCompiler(1000)).load(GuideSource.read(RULES.resolve(id)));
		}
		catch (GuideRefusedException ex) {
			throw new AssertionError("shipped guide refused: " + ex.getProblems(), ex);
		}
	}

}
