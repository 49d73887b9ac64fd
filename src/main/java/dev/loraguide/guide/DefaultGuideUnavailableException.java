package dev.loraguide.guide;

import java.nio.file.Path;
import java.util.List;

/**
 * Start-up cannot go on: the guide that answers requests naming no guide did not load.
 */
public class DefaultGuideUnavailableException extends RuntimeException {

	private final Path dir;

	private final String guideId;

	private final List<GuideProblem> problems;

	DefaultGuideUnavailableException(Path dir, String guideId, List<GuideProblem> problems) {
		super("the default guide '" + guideId + "' did not load from " + dir.toAbsolutePath()
				+ (problems.isEmpty() ? ": no such folder" : ": " + problems));
		this.dir = dir;
		this.guideId = guideId;
		this.problems = List.copyOf(problems);
	}

	public Path getDir() {
		return this.dir;
	}

	public String getGuideId() {
		return this.guideId;
	}

	public List<GuideProblem> getProblems() {
		return this.problems;
	}

}
