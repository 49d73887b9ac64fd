package dev.loraguide.guide;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * What one reload did to one guide, as the admin reload reports it.
 *
 * @param guide guide id
 * @param outcome what happened
 * @param revision the revision serving after the reload, null when none is
 * @param refusedRevision the revision on disk that was refused, null when the newest one
 * serves
 * @param problems why it was refused
 */
public record GuideReload(String guide, ReloadOutcome outcome, @Schema(nullable = true) String revision,
		@Schema(nullable = true) String refusedRevision, List<GuideProblem> problems) {

	public GuideReload {
		problems = List.copyOf(problems);
	}

	static GuideReload of(GuideState state, ReloadOutcome outcome) {
		return new GuideReload(state.id(), outcome, state.isServing() ? state.active().revision() : null,
				state.refusedRevision(), state.problems());
	}

	static GuideReload removed(String guide) {
		return new GuideReload(guide, ReloadOutcome.REMOVED, null, null, List.of());
	}

}
