package dev.loraguide.guide;

import java.nio.file.Files;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says in one sentence that the guides folder is missing, and how to point at it. */
class GuidesFolderMissingFailureAnalyzer extends AbstractFailureAnalyzer<GuidesFolderMissingException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, GuidesFolderMissingException cause) {
		String what = Files.exists(cause.getDir()) ? "is a file, not a folder" : "does not exist";
		return new FailureAnalysis(
				"The guides folder " + cause.getDir().toAbsolutePath() + " (setting guides.dir) " + what + ".",
				"Start the service from the folder that holds rules/, or set GUIDES_DIR to the folder whose "
						+ "sub-folders are the guides (such as rules/flux-lora).",
				cause);
	}

}
