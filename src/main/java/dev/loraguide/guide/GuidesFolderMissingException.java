package dev.loraguide.guide;

import java.nio.file.Path;

/** Start-up stopped: {@code guides.dir} names no folder. */
public class GuidesFolderMissingException extends RuntimeException {

	private final Path dir;

	GuidesFolderMissingException(Path dir) {
		super("guides.dir " + dir.toAbsolutePath() + " is not a folder");
		this.dir = dir;
	}

	public Path getDir() {
		return this.dir;
	}

}
