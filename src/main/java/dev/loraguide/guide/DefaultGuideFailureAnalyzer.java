package dev.loraguide.guide;

import java.util.stream.Collectors;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a start-up stopped by a broken or missing default guide, and what to change.
 */
class DefaultGuideFailureAnalyzer extends AbstractFailureAnalyzer<DefaultGuideUnavailableException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, DefaultGuideUnavailableException cause) {
		String problems = cause.getProblems().isEmpty() ? "    there is no folder '" + cause.getGuideId() + "'"
				: cause.getProblems().stream().map((problem) -> "    " + problem).collect(Collectors.joining("\n"));
		String description = "The service cannot start: the default guide '" + cause.getGuideId()
				+ "' never passed its check in " + cause.getDir().toAbsolutePath()
				+ ", and requests that name no guide need it. Why:\n" + problems;
		String action = "Fix the guide (run the 'check' command for details), point guides.dir (GUIDES_DIR) at a "
				+ "folder that holds it, or set guides.default to a guide that loads.";
		return new FailureAnalysis(description, action, cause);
	}

}
