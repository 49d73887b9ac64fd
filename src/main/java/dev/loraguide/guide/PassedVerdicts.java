package dev.loraguide.guide;

import dev.loraguide.system.Revision;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Passed verdicts kept in a folder ({@code guides.gate.verdicts}), one JSON file each, so
 * that a restart, or another replica sharing the folder, serves a revision that passed
 * before without checking it again. Only passed verdicts: a refusal may come from a
 * machine too busy to run the check, and deserves another try.
 * <p>
 * The folder is a cache and never stops the service: a file that is missing, corrupt,
 * truncated, written by another build or for other bounds, or unreadable is ignored and
 * the check runs; a folder that cannot be written is said once in the log, and every
 * start checks again. Files are written whole (a temporary file, then a rename), so a
 * reader never sees half of one, and the folder keeps the {@value #KEPT} last used.
 * <p>
 * The folder also holds the claims of checks under way ({@link CheckClaims}), named by
 * the same key, so that replicas sharing it check a new revision once.
 */
final class PassedVerdicts {

	static final int KEPT = 256;

	/** A verdict file is a few kilobytes; one larger than this is not one of ours. */
	private static final long MAX_FILE_BYTES = 1024 * 1024;

	/** A temporary file or a claim this old was left by a replica that died. */
	private static final Duration ABANDONED = Duration.ofHours(1);

	private static final String SUFFIX = ".json";

	private static final String CLAIM_SUFFIX = ".claim";

	private static final String TEMPORARY_PREFIX = ".writing-";

	private static final Logger logger = LoggerFactory.getLogger(PassedVerdicts.class);

	private final Path folder;

	private final GuidesProperties.Gate settings;

	private final int maxRuleFirings;

	private final Supplier<String> build;

	private final JsonMapper json = JsonMapper.builder().build();

	private volatile boolean warned;

	/**
	 * @param settings the gate's bounds, and the folder ({@code guides.gate.verdicts}),
	 * empty to keep no verdict
	 * @param build the build of the code that checks, see {@link CheckerBuild}
	 */
	PassedVerdicts(GuidesProperties.Gate settings, int maxRuleFirings, Supplier<String> build) {
		this.folder = settings.verdicts().isBlank() ? null : Path.of(settings.verdicts());
		this.settings = settings;
		this.maxRuleFirings = maxRuleFirings;
		this.build = build;
	}

	/**
	 * The passed verdict kept for exactly this revision, these bounds and this build, or
	 * null.
	 */
	GuideVerdict find(GuideSource source) {
		Key key = key(source.revision());
		if (key == null) {
			return null;
		}
		Path file = file(key, SUFFIX);
		try {
			if (Files.size(file) > MAX_FILE_BYTES) {
				return ignored(file, "it is over " + MAX_FILE_BYTES + " bytes");
			}
			Kept kept = this.json.readValue(file.toFile(), Kept.class);
			if (kept == null || !key.equals(kept.key())) {
				return ignored(file, "it was kept for another revision, other bounds or another build");
			}
			GuideVerdict verdict = kept.verdict();
			if (verdict == null || !verdict.passed() || !verdict.problems().isEmpty() || verdict.presets().isEmpty()
					|| !source.revision().equals(verdict.revision())) {
				return ignored(file, "it holds no passed verdict of this revision");
			}
			// The folder is not the trust boundary the rules folder is: a file planted
			// there must not let forbidden code in, so the cheap textual guardrails run
			// again; what the check measured (termination, presets, p99) is trusted.
			if (!GuideGuardrails.check(source).isEmpty()) {
				return ignored(file, "the revision breaks the guardrails");
			}
			touch(file);
			logger.info("Guide '{}' revision {} passed its check before ({}): not checked again", source.id(),
					source.revision(), file);
			return verdict;
		}
		catch (NoSuchFileException ex) {
			return null;
		}
		catch (IOException | RuntimeException ex) {
			return ignored(file, ex.toString());
		}
	}

	/**
	 * The file that keeps the passed verdict of this revision under these bounds and this
	 * build, whether it exists or not; null when no verdict is kept.
	 */
	Path file(String revision) {
		return file(key(revision), SUFFIX);
	}

	/**
	 * The file that claims the check of this revision under these bounds and this build
	 * (see {@link CheckClaims}); null when no verdict is kept.
	 */
	Path claimFile(String revision) {
		return file(key(revision), CLAIM_SUFFIX);
	}

	/** The file of the folder named by a key; null for no key (no verdict is kept). */
	private Path file(Key key, String suffix) {
		return (key != null) ? this.folder.resolve(key.fileName(suffix)) : null;
	}

	/** Keeps a passed verdict; anything else is left out. */
	void keep(GuideVerdict verdict) {
		Key key = verdict.passed() ? key(verdict.revision()) : null;
		if (key == null) {
			return;
		}
		Path temporary = null;
		try {
			Files.createDirectories(this.folder);
			temporary = Files.createTempFile(this.folder, TEMPORARY_PREFIX, ".tmp");
			this.json.writeValue(temporary.toFile(), new Kept(key, verdict));
			Files.move(temporary, file(key, SUFFIX), StandardCopyOption.ATOMIC_MOVE,
					StandardCopyOption.REPLACE_EXISTING);
			temporary = null;
			prune();
		}
		catch (IOException | RuntimeException ex) {
			cannotWrite(ex);
		}
		finally {
			deleteQuietly(temporary);
		}
	}

	/** Says once that the folder cannot be written, and what that costs. */
	void cannotWrite(Exception ex) {
		if (!this.warned) {
			this.warned = true;
			logger.warn(
					"Passed verdicts cannot be kept, nor checks claimed, in {} ({}): each start checks every guide "
							+ "again, and each replica sharing the folder checks a new revision on its own; "
							+ "point guides.gate.verdicts at a folder the service can write, or leave it empty",
					this.folder.toAbsolutePath(), ex.toString());
		}
	}

	/**
	 * Every part of the key decides the verdict, so a change to any of them checks again:
	 * the revision names every file's name and bytes (cases included); the gate's bounds
	 * and the bound on rules fired are what the check refuses by (a 2 ms p99 passes one
	 * budget and fails another); the build is the code that ran the check.
	 */
	private Key key(String revision) {
		if (this.folder == null) {
			return null;
		}
		String build;
		try {
			build = this.build.get();
		}
		catch (RuntimeException ex) {
			if (!this.warned) {
				this.warned = true;
				logger.warn("Passed verdicts are not kept: the service's build could not be named ({})", ex.toString());
			}
			return null;
		}
		return new Key(revision, this.settings.timeLimit().toString(), this.settings.heap().toString(),
				this.settings.maxFileSize().toString(), this.settings.p99Budget().toString(), this.maxRuleFirings,
				build);
	}

	private GuideVerdict ignored(Path file, String why) {
		logger.info("Ignored the kept verdict {}: {}; the revision is checked again", file, why);
		return null;
	}

	/** Marks a verdict as used, so the folder keeps the ones in use. */
	private static void touch(Path file) {
		try {
			Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
		}
		catch (IOException ex) {
			// A read-only folder still serves what it holds.
		}
	}

	/**
	 * Keeps the {@value #KEPT} last used verdicts and drops abandoned temporary files and
	 * claims (a claimer that died and whose revision no replica checked since).
	 */
	private void prune() throws IOException {
		List<Path> verdicts = new ArrayList<>();
		Instant abandoned = Instant.now().minus(ABANDONED);
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(this.folder)) {
			for (Path entry : entries) {
				String name = entry.getFileName().toString();
				if (name.endsWith(SUFFIX)) {
					verdicts.add(entry);
				}
				else if ((name.startsWith(TEMPORARY_PREFIX) || name.endsWith(CLAIM_SUFFIX))
						&& modified(entry).isBefore(abandoned)) {
					deleteQuietly(entry);
				}
			}
		}
		if (verdicts.size() > KEPT) {
			verdicts.sort(Comparator.comparing(PassedVerdicts::modified).reversed());
			verdicts.subList(KEPT, verdicts.size()).forEach(PassedVerdicts::deleteQuietly);
		}
	}

	private static Instant modified(Path file) {
		try {
			return Files.getLastModifiedTime(file).toInstant();
		}
		catch (IOException ex) {
			// Gone meanwhile (another replica pruned it): oldest of all.
			return Instant.EPOCH;
		}
	}

	/**
	 * Deletes a file of the folder if it is there. A file left (a folder gone read-only)
	 * is harmless: a temporary file or a claim ages and is pruned or taken over.
	 */
	static void deleteQuietly(Path file) {
		if (file != null) {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ex) {
				// Left for the prune, or for another replica to take over.
			}
		}
	}

	/**
	 * What a verdict was reached for; kept in its file and compared in full on reading.
	 */
	record Key(String revision, String timeLimit, String heap, String maxFileSize, String p99Budget, int maxRuleFirings,
			String build) {

		String fileName(String suffix) {
			return Revision.of(String.join("\n", this.revision, this.timeLimit, this.heap, this.maxFileSize,
					this.p99Budget, Integer.toString(this.maxRuleFirings), this.build)) + suffix;
		}

	}

	/** One file of the folder. */
	record Kept(Key key, GuideVerdict verdict) {

	}

}
