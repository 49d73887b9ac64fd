package dev.loraguide.guide;

import com.fasterxml.jackson.annotation.JsonProperty;
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
 * @param isDefault whether it answers requests that name no guide
 * ({@code guides.default})
 */
public record GuideSummary(String id, @Schema(nullable = true) String revision, String description, List<String> files,
		String status, List<GuideProblem> problems, @JsonProperty("default") boolean isDefault) {

	static GuideSummary of(GuideState state, String defaultGuideId) {
		Guide guide = state.active();
		String status = (state.refusedRevision() == null) ? "serving" : "refused";
		boolean isDefault = state.id().equals(defaultGuideId);
		return (guide != null)
				? new GuideSummary(state.id(), guide.revision(), guide.description(), guide.files(), status,
						state.problems(), isDefault)
				: new GuideSummary(state.id(), null, "", List.of(), status, state.problems(), isDefault);
	}

}
