package dev.loraguide.guide;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * A guide as {@code GET /api/v1/guides} lists it.
 *
 * @param id guide id
 * @param revision content hash of the files being served, null if none ever loaded
 * @param description what the guide is for
 * @param files the files of the serving revision
 * @param status {@code serving}, or {@code refused} when its newest files did not load
 * @param problems why the newest files were refused, empty otherwise
 */
public record GuideSummary(String id, @Schema(nullable = true) String revision, String description, List<String> files,
		String status, List<GuideProblem> problems) {

	static GuideSummary of(GuideState state) {
		Guide guide = state.active();
		String status = (state.refusedRevision() == null) ? "serving" : "refused";
		return (guide != null) ? new GuideSummary(state.id(), guide.revision(), guide.description(), guide.files(),
				status, state.problems()) : new GuideSummary(state.id(), null, "", List.of(), status, state.problems());
	}

}
