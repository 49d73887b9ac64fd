package dev.loraguide.guide;

import java.time.Instant;
import java.util.List;

/**
 * What the service knows about one guide folder: the revision it serves, if any, and why
 * the newest revision on disk was refused, if it was.
 *
 * @param id guide id
 * @param active the revision being served, null if none ever loaded
 * @param activatedAt when {@code active} went live
 * @param refusedRevision revision on disk that was refused, null when the newest one is
 * live; {@code removed} when the folder of the default guide is gone
 * @param problems why {@code refusedRevision} was refused
 */
public record GuideState(String id, Guide active, Instant activatedAt, String refusedRevision,
		List<GuideProblem> problems) {

	public GuideState {
		problems = List.copyOf(problems);
	}

	static GuideState activated(Guide guide, Instant now) {
		return new GuideState(guide.id(), guide, now, null, List.of());
	}

	GuideState refused(String revision, List<GuideProblem> reasons) {
		return new GuideState(this.id, this.active, this.activatedAt, revision, reasons);
	}

	static GuideState neverLoaded(String id, String revision, List<GuideProblem> reasons) {
		return new GuideState(id, null, null, revision, reasons);
	}

	public boolean isServing() {
		return this.active != null;
	}

}
