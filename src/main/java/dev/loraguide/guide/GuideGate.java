package dev.loraguide.guide;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a candidate revision in a JVM of its own: the {@code check} command, with a heap
 * cap and a wall-clock limit, killed when over. Whatever the rules do there (loop
 * forever, fill the heap, recurse without end, burn time), the service only waits for the
 * verdict, and every way the check can end is a verdict: a failed check's problems, or
 * the reason the process did not report. A revision that passed before, in this JVM or in
 * the folder of passed verdicts, is not checked again; a revision another replica sharing
 * that folder is checking is not checked here too, but waited for ({@link CheckClaims}).
 */
final class GuideGate implements RevisionCheck, AutoCloseable {

	/** Time the check process gets past its own limit to say what it was doing. */
	private static final long GRACE_MILLIS = Duration.ofSeconds(10).toMillis();

	/** A report larger than this is not read: no guide's verdict needs it. */
	private static final long MAX_REPORT_BYTES = 16L * 1024 * 1024;

	private static final int STDERR_TAIL_BYTES = 2048;

	/** How often a replica waiting for another's check looks at its claim. */
	private static final long POLL_MILLIS = 100;

	private static final Logger logger = LoggerFactory.getLogger(GuideGate.class);

	private final GuidesProperties.Gate settings;

	private final CheckTimeLimit limit;

	private final int maxRuleFirings;

	private final CheckCommandLine commandLine;

	private final JsonMapper json = JsonMapper.builder().build();

	private final Set<Process> running = ConcurrentHashMap.newKeySet();

	/**
	 * Verdicts by content and bounds, for every service in this JVM. A revision names the
	 * files' names and bytes, not the folder, so copies of a guide are checked once, and
	 * checks of the same content at the same time wait for one check process. Passed
	 * verdicts are kept, so a context restarted in the same JVM (tests, a devtools
	 * restart) does not check them again, even with no folder to keep them in
	 * ({@link PassedVerdicts}); refusals are not: a check stopped by a busy machine
	 * deserves another try.
	 */
	private static final Map<Checked, CompletableFuture<GuideVerdict>> VERDICTS = new ConcurrentHashMap<>();

	private final Map<Checked, CompletableFuture<GuideVerdict>> verdicts;

	/** Passed verdicts on disk, for the next start and for other replicas. */
	private final PassedVerdicts passed;

	/** Checks under way in the same folder, so that replicas sharing it check once. */
	private final CheckClaims claims;

	private volatile boolean closed;

	GuideGate(GuidesProperties.Gate settings, int maxRuleFirings, CheckCommandLine commandLine, PassedVerdicts passed) {
		this(settings, maxRuleFirings, commandLine, passed, VERDICTS);
	}

	/**
	 * @param verdicts the verdicts reached in this JVM; a new map stands for a new JVM
	 */
	GuideGate(GuidesProperties.Gate settings, int maxRuleFirings, CheckCommandLine commandLine, PassedVerdicts passed,
			Map<Checked, CompletableFuture<GuideVerdict>> verdicts) {
		this(settings, maxRuleFirings, commandLine, passed, verdicts, CheckClaims.UNREFRESHED);
	}

	/**
	 * @param verdicts the verdicts reached in this JVM; a new map stands for a new JVM
	 * @param unrefreshed how long another replica's claim may go unrefreshed before its
	 * check counts as stopped
	 */
	GuideGate(GuidesProperties.Gate settings, int maxRuleFirings, CheckCommandLine commandLine, PassedVerdicts passed,
			Map<Checked, CompletableFuture<GuideVerdict>> verdicts, Duration unrefreshed) {
		this.settings = settings;
		this.limit = CheckTimeLimit.of(settings.timeLimit());
		this.maxRuleFirings = maxRuleFirings;
		this.commandLine = commandLine;
		this.passed = passed;
		this.claims = new CheckClaims(passed, longestCheck(), unrefreshed);
		this.verdicts = verdicts;
	}

	GuidesProperties.Gate settings() {
		return this.settings;
	}

	/** The longest a check process may take before it is killed. */
	Duration longestCheck() {
		return this.limit.wallClock().plusMillis(GRACE_MILLIS);
	}

	/**
	 * Checks exactly these files: they are copied for the check, so an edit made
	 * meanwhile is the next revision, not part of this one.
	 */
	@Override
	public GuideVerdict check(GuideSource source) {
		Checked key = new Checked(source.revision(), this.settings, this.maxRuleFirings);
		CompletableFuture<GuideVerdict> mine = new CompletableFuture<>();
		CompletableFuture<GuideVerdict> first = this.verdicts.putIfAbsent(key, mine);
		if (first == null) {
			GuideVerdict verdict = this.passed.find(source);
			if (verdict == null) {
				verdict = checkOnce(source);
			}
			if (!verdict.passed() || this.verdicts.size() > PassedVerdicts.KEPT) {
				this.verdicts.remove(key);
			}
			mine.complete(verdict);
			return forGuide(source, verdict);
		}
		return forGuide(source, first.join());
	}

	/** A verdict reached for a copy of this guide's content, in this guide's name. */
	private static GuideVerdict forGuide(GuideSource source, GuideVerdict verdict) {
		return new GuideVerdict(source.id(), verdict.revision(), verdict.description(), verdict.passed(),
				verdict.casesRun(), verdict.p99Micros(), verdict.problems(), verdict.presets());
	}

	/**
	 * Checks a revision no verdict is kept for, unless another replica sharing the folder
	 * is checking it: then waits for that check's verdict, and checks here only if it
	 * ends without a passed one (refused, or its replica died). Waits once at most, so a
	 * reload is bounded by two checks.
	 */
	private GuideVerdict checkOnce(GuideSource source) {
		CheckClaims.Claim claim = this.claims.take(source.revision());
		if (claim.theirs()) {
			GuideVerdict waited = await(source, claim);
			if (waited != null) {
				return waited;
			}
			claim = this.claims.take(source.revision());
		}
		try {
			if (claim.mine()) {
				// Another replica may have kept it and released its claim since this one
				// looked.
				GuideVerdict kept = this.passed.find(source);
				if (kept != null) {
					return kept;
				}
				logger.info("Guide '{}' revision {}: checking it; claimed in {} for the replicas sharing the folder",
						source.id(), source.revision(), claim.file());
			}
			GuideVerdict verdict = checkInOwnProcess(source, claim.mine() ? claim : CheckClaims.Claim.NONE);
			this.passed.keep(verdict);
			return verdict;
		}
		finally {
			this.claims.release(claim);
		}
	}

	/**
	 * Waits while another replica's claim on the check lives: until it is gone, or no
	 * longer refreshed, or the longest a check takes has passed.
	 * @return the verdict it kept, a refusal when the service stops meanwhile, or null to
	 * check here
	 */
	private GuideVerdict await(GuideSource source, CheckClaims.Claim claim) {
		logger.info("Guide '{}' revision {} is being checked by {} (claim {}): waiting for its verdict", source.id(),
				source.revision(), claim.holder(), claim.file().getFileName());
		long started = System.nanoTime();
		long lastChange = started;
		CheckClaims.Claim seen = claim;
		while (true) {
			if (this.closed) {
				return stopping(source);
			}
			try {
				Thread.sleep(POLL_MILLIS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return stopping(source);
			}
			CheckClaims.Claim now = this.claims.read(claim.file());
			long at = System.nanoTime();
			if (now == null) {
				break;
			}
			if (now.changedSince(seen)) {
				seen = now;
				lastChange = at;
			}
			else if (at - lastChange > this.claims.unrefreshed().toNanos()) {
				logger.warn("The claim {} of {} has not been refreshed for {} ms: its check stopped; checking here",
						claim.file(), now.holder(), this.claims.unrefreshed().toMillis());
				this.claims.removeIfStill(now);
				return null;
			}
			if (at - started > longestCheck().toNanos()) {
				logger.warn("Waited {} s for {}'s check of guide '{}' revision {}: checking here",
						longestCheck().toSeconds(), now.holder(), source.id(), source.revision());
				return null;
			}
		}
		GuideVerdict kept = this.passed.find(source);
		if (kept == null) {
			logger.info("Guide '{}' revision {}: the check of {} ended without a passed verdict; checking here",
					source.id(), source.revision(), claim.holder());
		}
		return kept;
	}

	private static GuideVerdict stopping(GuideSource source) {
		return GuideVerdict.refused(source, GuideProblem.of("the check was stopped: the service is stopping"));
	}

	private GuideVerdict checkInOwnProcess(GuideSource source, CheckClaims.Claim claim) {
		if (this.closed) {
			return stopping(source);
		}
		Path work = null;
		try {
			work = Files.createTempDirectory("lora-guide-check-");
			Path folder = Files.createDirectory(work.resolve(source.id()));
			for (var file : source.files().entrySet()) {
				Files.writeString(folder.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
			}
			return run(source, folder, work.resolve("report.json"), work.resolve("stderr.txt"), claim);
		}
		catch (IOException ex) {
			return GuideVerdict.refused(source, GuideProblem.of("the check could not run: " + ex));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return stopping(source);
		}
		finally {
			deleteQuietly(work);
		}
	}

	private GuideVerdict run(GuideSource source, Path folder, Path report, Path stderr, CheckClaims.Claim claim)
			throws IOException, InterruptedException {
		List<String> command = this.commandLine.command(this.settings, this.maxRuleFirings, folder);
		Process process = new ProcessBuilder(command).redirectOutput(report.toFile())
			.redirectError(stderr.toFile())
			.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
			.start();
		this.running.add(process);
		try {
			long deadline = System.nanoTime() + longestCheck().toNanos();
			boolean ended = false;
			while (!ended && System.nanoTime() < deadline) {
				ended = process.waitFor(Math.min(CheckClaims.REFRESH.toNanos(), deadline - System.nanoTime()),
						TimeUnit.NANOSECONDS);
				this.claims.refresh(claim);
			}
			if (!ended) {
				return GuideVerdict.refused(source, GuideProblem.of(overTheLimit(null)));
			}
			return verdict(source, process.exitValue(), report, stderr);
		}
		finally {
			this.running.remove(process);
			kill(process);
		}
	}

	private GuideVerdict verdict(GuideSource source, int status, Path report, Path stderr) throws IOException {
		String lastError = lastLine(stderr);
		if (status == GuideCheck.TIME_LIMIT) {
			String doing = lastError.startsWith(GuideCheck.STOPPED) ? lastError.substring(GuideCheck.STOPPED.length())
					: null;
			return GuideVerdict.refused(source, GuideProblem.of(overTheLimit(doing)));
		}
		if ((status == GuideCheck.PASSED || status == GuideCheck.FAILED) && Files.size(report) > 0
				&& Files.size(report) <= MAX_REPORT_BYTES) {
			try {
				GuideVerdict.Report read = this.json.readValue(report.toFile(), GuideVerdict.Report.class);
				if (read.guides().size() == 1 && read.guides().get(0).revision().equals(source.revision())) {
					return read.guides().get(0);
				}
			}
			catch (JacksonException ex) {
				// Reported below as a check that ended without a readable report.
			}
		}
		return GuideVerdict.refused(source, GuideProblem.of("the check process ended with status " + status
				+ " and no readable report" + (lastError.isEmpty() ? "" : "; it said: " + lastError)));
	}

	private String overTheLimit(String doing) {
		return "the check did not finish within its " + this.limit.describe()
				+ ((doing != null) ? ", stopped while " + doing : "") + ": does a rule or function loop without end?";
	}

	/** The last line the check process wrote to stderr, read from the file's end. */
	private static String lastLine(Path stderr) throws IOException {
		try (RandomAccessFile file = new RandomAccessFile(stderr.toFile(), "r")) {
			long length = file.length();
			int tail = (int) Math.min(length, STDERR_TAIL_BYTES);
			byte[] bytes = new byte[tail];
			file.seek(length - tail);
			file.readFully(bytes);
			String[] lines = new String(bytes, StandardCharsets.UTF_8).strip().split("\n");
			return lines[lines.length - 1].strip();
		}
	}

	private static void kill(Process process) {
		if (process.isAlive()) {
			process.descendants().forEach(ProcessHandle::destroyForcibly);
			process.destroyForcibly();
		}
	}

	private static void deleteQuietly(Path work) {
		if (work == null) {
			return;
		}
		try (Stream<Path> paths = Files.walk(work)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException | UncheckedIOException ex) {
			// A temporary folder left behind is harmless; the system cleans it.
		}
	}

	record Checked(String revision, GuidesProperties.Gate settings, int maxRuleFirings) {
	}

	/**
	 * Kills every check still running and ends every wait for another replica's check;
	 * the service is stopping.
	 */
	@Override
	public void close() {
		this.closed = true;
		this.running.forEach(GuideGate::kill);
	}

}
