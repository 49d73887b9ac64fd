package dev.loraguide.guide;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * One guide as {@code GET /api/v1/guides/{id}} shows it: the summary plus its preset
 * table.
 *
 * @param id guide id
 * @param revision content hash of the files being served
 * @param description what the guide is for
 * @param files the files of the serving revision
 * @param status {@code serving}, or {@code refused} when its newest files did not load
 * @param problems why the newest files were refused, empty otherwise
 * @param isDefault whether it answers requests that name no guide
 * ({@code guides.default})
 * @param presets the preset table, derived by evaluating the guide over image counts
 * @param lastChange what the last live swap changed from the previous revision, null
 * before the first swap
 */
public record GuideDetails(String id, @Schema(nullable = true) String revision, String description, List<String> files,
		String status, List<GuideProblem> problems, @JsonProperty("default") boolean isDefault, List<PresetRow> presets,
		@Schema(nullable = true) GuideChange lastChange) {

	static GuideDetails of(GuideState state, String defaultGuideId, GuideChange lastChange) {
		GuideSummary summary = GuideSummary.of(state, defaultGuideId);
		List<PresetRow> presets = state.isServing() ? state.active().presetTable().rows() : List.of();
		return new GuideDetails(summary.id(), summary.revision(), summary.description(), summary.files(),
				summary.status(), summary.problems(), summary.isDefault(), presets, lastChange);
	}

}
