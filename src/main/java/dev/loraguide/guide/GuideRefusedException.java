package dev.loraguide.guide;

import java.util.List;
import java.util.stream.Collectors;

/** A guide revision that cannot go live, with every problem found. */
public class GuideRefusedException extends Exception {

	private final String guideId;

	private final List<GuideProblem> problems;

	public GuideRefusedException(String guideId, List<GuideProblem> problems) {
		super("guide '" + guideId + "' refused: "
				+ problems.stream().map(GuideProblem::toString).collect(Collectors.joining("; ")));
		this.guideId = guideId;
		this.problems = List.copyOf(problems);
	}

	public String getGuideId() {
		return this.guideId;
	}

	public List<GuideProblem> getProblems() {
		return this.problems;
	}

}
