package dev.loraguide.guide;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Claims on checks in the folder of passed verdicts, so that replicas sharing it check a
 * new revision once. The first replica to need the check creates the claim file of its
 * key (an exclusive create: one replica wins), checks, keeps the verdict, and removes the
 * claim; the others see the claim and wait for the verdict. A claimer refreshes its
 * claim's modification time while its check runs, so a claim left by a replica that died
 * is told from a check still running.
 * <p>
 * Claims only save work: a verdict never depends on one. A claim that cannot be made (a
 * folder that cannot be written) lets the replica check on its own, and a race between
 * two replicas taking over the same stale claim costs a second check, never a wrong
 * answer.
 */
final class CheckClaims {

	/** How often a claimer refreshes its claim while its check runs. */
	static final Duration REFRESH = Duration.ofSeconds(1);

	/**
	 * A claim not refreshed for this long, as seen by a waiting replica's own clock, was
	 * left by a replica that stopped checking (killed, or its machine gone).
	 */
	static final Duration UNREFRESHED = Duration.ofSeconds(15);

	private static final Logger logger = LoggerFactory.getLogger(CheckClaims.class);

	/** This JVM as a person reading the folder recognises it: {@code pid@host}. */
	private static final String HOLDER = ManagementFactory.getRuntimeMXBean().getName();

	private final PassedVerdicts verdicts;

	private final Duration stale;

	private final Duration unrefreshed;

	private final JsonMapper json = JsonMapper.builder().build();

	/**
	 * @param verdicts the folder the claims are made in, beside the verdicts they wait
	 * for
	 * @param stale a claim older than this when first seen is stale whatever its
	 * refreshes say: no check runs that long (the gate's wall-clock bound and its grace)
	 * @param unrefreshed a claim a waiting replica sees unchanged for this long was left
	 * by a replica that stopped checking; {@link #UNREFRESHED} but in tests
	 */
	CheckClaims(PassedVerdicts verdicts, Duration stale, Duration unrefreshed) {
		this.verdicts = verdicts;
		this.stale = stale;
		this.unrefreshed = unrefreshed;
	}

	/** How long a claim may go unrefreshed before its claimer counts as gone. */
	Duration unrefreshed() {
		return this.unrefreshed;
	}

	/**
	 * Claims the check of a revision: {@link Claim#mine() mine} when this replica is to
	 * check it, another replica's live claim to wait for, or {@link Claim#NONE} when no
	 * claim can be made here (no folder, a folder that cannot be written).
	 */
	Claim take(String revision) {
		Path file = this.verdicts.claimFile(revision);
		if (file == null) {
			return Claim.NONE;
		}
		try {
			Files.createDirectories(file.getParent());
		}
		catch (IOException | RuntimeException ex) {
			this.verdicts.cannotWrite(ex);
			return Claim.NONE;
		}
		// Twice at most: once more after removing a stale claim.
		for (int attempt = 0; attempt < 2; attempt++) {
			Claim mine = new Claim(file, HOLDER, Instant.now(), UUID.randomUUID().toString(), true);
			try {
				Files.createFile(file);
			}
			catch (FileAlreadyExistsException ex) {
				Claim theirs = read(file);
				if (theirs == null) {
					// Released meanwhile: claim it again.
					continue;
				}
				if (Duration.between(theirs.refreshedAt(), Instant.now()).compareTo(this.stale) <= 0) {
					return theirs;
				}
				logger.info("The claim {} of {} ({}) is older than any check runs: taking the check over", file,
						theirs.holder(), theirs.refreshedAt());
				removeIfStill(theirs);
				continue;
			}
			catch (IOException | RuntimeException ex) {
				this.verdicts.cannotWrite(ex);
				return Claim.NONE;
			}
			try {
				Files.write(file, this.json.writeValueAsBytes(mine.held()));
				return mine;
			}
			catch (IOException | RuntimeException ex) {
				// A claim no one could tell from a live one: removed, not left to go
				// stale.
				this.verdicts.cannotWrite(ex);
				PassedVerdicts.deleteQuietly(file);
				return Claim.NONE;
			}
		}
		return Claim.NONE;
	}

	/**
	 * The claim in the file now, or null when there is none. What a replica reads while
	 * it waits: a new token is a new claimer, a new modification time a refresh.
	 */
	Claim read(Path file) {
		FileTime refreshed;
		Held held = null;
		try {
			refreshed = Files.getLastModifiedTime(file);
			held = this.json.readValue(Files.readAllBytes(file), Held.class);
		}
		catch (NoSuchFileException ex) {
			return null;
		}
		catch (IOException | JacksonException ex) {
			// Being written, or not one of ours: a claim all the same, by someone
			// unknown.
			try {
				refreshed = Files.getLastModifiedTime(file);
			}
			catch (IOException gone) {
				return null;
			}
		}
		return new Claim(file, (held != null) ? held.holder() : "an unknown replica", refreshed.toInstant(),
				(held != null) ? held.token() : null, false);
	}

	/** Marks a claim of this replica as alive: its check still runs. */
	void refresh(Claim claim) {
		if (claim.mine()) {
			try {
				Files.setLastModifiedTime(claim.file(), FileTime.from(Instant.now()));
			}
			catch (IOException ex) {
				// Gone (taken over as stale) or a folder gone read-only: the check goes
				// on.
			}
		}
	}

	/** Removes a claim of this replica once its check is over, whatever the outcome. */
	void release(Claim claim) {
		if (claim.mine()) {
			removeIfStill(claim);
		}
	}

	/**
	 * Removes the claim in the file if it is still this one: a claim taken over meanwhile
	 * belongs to its new claimer.
	 */
	void removeIfStill(Claim claim) {
		Claim now = read(claim.file());
		if (now != null && Objects.equals(now.token(), claim.token())) {
			PassedVerdicts.deleteQuietly(claim.file());
		}
	}

	/**
	 * One claim on one check.
	 *
	 * @param file the claim file
	 * @param holder the claimer, {@code pid@host}
	 * @param refreshedAt when it was made or last refreshed
	 * @param token what tells this claim from a later one in the same file; null when the
	 * file could not be read
	 * @param mine whether this replica holds it
	 */
	record Claim(Path file, String holder, Instant refreshedAt, String token, boolean mine) {

		/** No claim: the replica checks on its own. */
		static final Claim NONE = new Claim(null, HOLDER, Instant.EPOCH, null, false);

		/** Another replica's claim, to wait for. */
		boolean theirs() {
			return this.file != null && !this.mine;
		}

		/** Whether the file now holds another claim, or this one refreshed. */
		boolean changedSince(Claim before) {
			return !Objects.equals(this.token, before.token) || !this.refreshedAt.equals(before.refreshedAt);
		}

		Held held() {
			return new Held(this.holder, this.refreshedAt.toString(), this.token);
		}

	}

	/** What a claim file holds, for the replicas and for a person reading the folder. */
	record Held(String holder, String claimedAt, String token) {

	}

}
