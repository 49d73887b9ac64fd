package dev.loraguide.experiment;

import dev.loraguide.system.Revision;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import dev.loraguide.guide.GuideRegistry;
import dev.loraguide.guide.GuidesReady;
import dev.loraguide.guide.RulesFolderChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;

/**
 * Keeps the experiments file loaded the way guides are: a new revision goes live only
 * when it is valid, a refused one leaves the last good revision serving and says why.
 * Validity also depends on the guides (every variant's guide must be serving), so the
 * state is worked out again whenever the set of serving guides changes, noticed on the
 * next read: an experiment whose guide went away stops enrolling instead of failing
 * requests, and resumes when the guide is back.
 */
class ExperimentRegistry {

	private static final Logger logger = LoggerFactory.getLogger(ExperimentRegistry.class);

	private static final String NO_FILE = "no-file";

	private final Path file;

	private final GuideRegistry guides;

	private final AtomicReference<ExperimentsState> state;

	private Newest newest;

	ExperimentRegistry(Path file, GuideRegistry guides) {
		this.file = file;
		this.guides = guides;
		this.state = new AtomicReference<>(
				ExperimentsState.of(file, null, List.of(), null, List.of(), servingGuides()));
	}

	/** Reads the file again; does nothing more when its content has not changed. */
	synchronized void reload() {
		Newest read = read();
		if (this.newest != null && read.revision().equals(this.newest.revision())) {
			return;
		}
		this.newest = read;
		work(servingGuides(), true);
	}

	@EventListener
	void onRulesFolderChanged(RulesFolderChanged event) {
		reload();
	}

	/**
	 * Reads and parses the file while the guides are still loading, without checking it
	 * against them: {@link #onGuidesReady} does, so that only the check waits for them.
	 */
	synchronized void readAhead() {
		this.newest = read();
	}

	/** The file read ahead (or now) goes live once checked against the serving guides. */
	@EventListener
	synchronized void onGuidesReady(GuidesReady event) {
		if (this.newest == null) {
			this.newest = read();
		}
		work(servingGuides(), true);
	}

	/**
	 * The state to serve from, worked out again first if the serving guides changed
	 * since.
	 */
	ExperimentsState current() {
		ExperimentsState current = this.state.get();
		Set<String> serving = servingGuides();
		return current.servingGuides().equals(serving) ? current : work(serving, false);
	}

	private synchronized ExperimentsState work(Set<String> servingGuides, boolean fileChanged) {
		ExperimentsState before = this.state.get();
		Newest candidate = this.newest;
		if (candidate == null || (!fileChanged && before.servingGuides().equals(servingGuides))) {
			return before;
		}
		List<ExperimentProblem> problems = new ArrayList<>(candidate.parsed().problems());
		ExperimentsFile.Parsed parsed = candidate.parsed();
		ExperimentsValidator.fileProblems(parsed.experiments()).stream().map(parsed::locate).forEach(problems::add);
		ExperimentsValidator.guideProblems(parsed.experiments(), servingGuides)
			.stream()
			.map(parsed::locate)
			.forEach(problems::add);
		// The serving revision passed every check when it went live, so a guide problem
		// now means a
		// guide went away: its experiments are suspended (see ExperimentsState), the file
		// is not refused.
		boolean alreadyLive = candidate.revision().equals(before.revision());
		ExperimentsState next = (problems.isEmpty() || alreadyLive)
				? ExperimentsState.of(this.file, candidate.revision(), candidate.parsed().experiments(), null,
						List.of(), servingGuides)
				: ExperimentsState.of(this.file, before.revision(), before.experiments(), candidate.revision(),
						problems, servingGuides);
		this.state.set(next);
		report(before, next);
		return next;
	}

	private static void report(ExperimentsState before, ExperimentsState next) {
		if (next.refusedRevision() == null && !Objects.equals(before.revision(), next.revision())) {
			List<String> experiments = next.experiments()
				.stream()
				.map((experiment) -> experiment.id() + " (" + experiment.status() + ")")
				.toList();
			logger.info("Experiments file {} revision {} is live: {}", next.file(), next.revision(),
					experiments.isEmpty() ? "no experiments" : String.join(", ", experiments));
		}
		if (next.refusedRevision() != null && (!next.refusedRevision().equals(before.refusedRevision())
				|| !next.problems().equals(before.problems()))) {
			logger.error("Experiments file {} revision {} refused; {}:\n  {}", next.file(), next.refusedRevision(),
					(next.revision() != null) ? "still serving revision " + next.revision() : "no experiments run",
					String.join("\n  ", next.problems().stream().map(ExperimentProblem::toString).toList()));
		}
		next.suspended().forEach((id, why) -> {
			if (!why.equals(before.suspended().get(id))) {
				logger.warn("Experiment '{}' enrols no one until its guides are back: {}", id,
						String.join("; ", why.stream().map(ExperimentProblem::toString).toList()));
			}
		});
		before.suspended()
			.keySet()
			.stream()
			.filter((id) -> !next.suspended().containsKey(id) && next.find(id) != null && next.find(id).isRunning())
			.forEach((id) -> logger.info("Experiment '{}' enrols actors again: its guides are serving", id));
	}

	private Newest read() {
		String content;
		try {
			content = Files.readString(this.file, StandardCharsets.UTF_8);
		}
		catch (NoSuchFileException ex) {
			return new Newest(NO_FILE, ExperimentsFile.Parsed.EMPTY);
		}
		catch (IOException ex) {
			return new Newest("unreadable", new ExperimentsFile.Parsed(List.of(),
					List.of(ExperimentProblem.ofFile(null, "cannot be read: " + ex)), FileLocations.NONE, Map.of()));
		}
		return new Newest(Revision.of(content), ExperimentsFile.parse(content));
	}

	private Set<String> servingGuides() {
		return this.guides.servingRevisions().keySet();
	}

	/**
	 * The newest content read from the file.
	 *
	 * @param revision its content hash, or {@value #NO_FILE}
	 * @param parsed what reading it found
	 */
	private record Newest(String revision, ExperimentsFile.Parsed parsed) {
	}

}
