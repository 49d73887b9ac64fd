package dev.loraguide.guide;

import dev.loraguide.system.PlainDecimal;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Stream;

import com.sun.management.OperatingSystemMXBean;
import dev.loraguide.guide.cases.CaseAcceptance;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.util.unit.DataSize;

/**
 * The {@code check} command: validates guides the way the service would before serving
 * them, with no server. For each guide it prints the problems as
 * {@code file:line:column: message} (the form editors and CI logs link to) and the preset
 * table; it exits non-zero when any guide fails, so it works as a pre-commit hook or a CI
 * step of the rules repository.
 *
 * <pre>java -jar lora-guide.jar check [rules-folder-or-one-guide-folder]</pre>
 * <p>
 * With {@code --format json} it prints one {@link GuideVerdict.Report}; that is how the
 * service's gate ({@link GuideGate}) runs it, in a JVM of its own, and reads the verdict
 * back.
 * <p>
 * With {@code --accept} it first takes an edit of the rules into the cases (see
 * {@link CaseAcceptance}), then checks as usual.
 * <p>
 * With {@code --verdicts DIR} it checks each guide exactly as the service's gate does, in
 * a JVM of its own within the gate's bounds, and keeps each passed verdict in that folder
 * under the key the service looks up ({@link PassedVerdicts}): a service with the same
 * bounds and the same jar whose {@code guides.gate.verdicts} is that folder serves the
 * revision with no check of its own.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
		description = "Checks guides as the service would before serving them: compiles each, runs its cases "
				+ "evaluates every image count from 1 to 100000 within the time budget, prints problems as "
				+ "file:line:column and each preset table.",
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:every guide passed", "1:at least one guide failed",
				"2:usage error (the folder is missing, the --verdicts folder cannot be written), or --accept could not "
						+ "read a guide or its last committed version",
				"3:the time limit was reached (the guide being checked fails)" })
public final class GuideCheck implements Callable<Integer> {

	/** Every guide passed. */
	public static final int PASSED = 0;

	/** At least one guide failed. */
	public static final int FAILED = 1;

	/** The folder to check is missing. */
	public static final int USAGE = 2;

	/** The check did not finish within its time limit. */
	public static final int TIME_LIMIT = 3;

	/** What the check of a guide stopped at its time limit was doing, on stderr. */
	static final String STOPPED = "check: stopped at the time limit while ";

	private static final long WATCHDOG_INTERVAL_MILLIS = 100;

	/**
	 * The CPU time of this whole process: every thread, the JIT and the collector too.
	 */
	private static final OperatingSystemMXBean PROCESS = (OperatingSystemMXBean) ManagementFactory
		.getOperatingSystemMXBean();

	private static final String ROW = "  %-8s %-12s %6s  %-14s %-10s %7s  %6s  %-10s %s%n";

	@Parameters(arity = "0..1", defaultValue = GuidesProperties.DIR, paramLabel = "FOLDER",
			description = "a rules folder (every guide in it) or one guide folder; default: ${DEFAULT-VALUE}")
	private Path dir;

	@Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
			description = "text (for people) or json (for programs: one report of every guide); "
					+ "default: ${DEFAULT-VALUE}")
	private Format format = Format.TEXT;

	@Option(names = "--time-limit", defaultValue = GuidesProperties.TIME_LIMIT, converter = DurationConverter.class,
			paramLabel = "DURATION",
			description = "stop and fail once the check has used this much CPU time, or five times it in "
					+ "wall-clock time, e.g. 30s; default: ${DEFAULT-VALUE}")
	private Duration timeLimit = DurationStyle.detectAndParse(GuidesProperties.TIME_LIMIT);

	@Option(names = "--p99-budget", defaultValue = GuidesProperties.P99_BUDGET, converter = DurationConverter.class,
			paramLabel = "DURATION",
			description = "fail a guide whose p99 evaluation time over every image count is above this; "
					+ "default: ${DEFAULT-VALUE}")
	private Duration p99Budget = DurationStyle.detectAndParse(GuidesProperties.P99_BUDGET);

	@Option(names = "--max-file-size", defaultValue = GuidesProperties.MAX_FILE_SIZE,
			converter = DataSizeConverter.class, paramLabel = "SIZE",
			description = "fail a guide with a file larger than this, unread; default: ${DEFAULT-VALUE}")
	private DataSize maxFileSize = DataSize.parse(GuidesProperties.MAX_FILE_SIZE);

	@Option(names = "--max-rule-firings", defaultValue = GuidesProperties.MAX_RULE_FIRINGS, paramLabel = "N",
			description = "rules fired in one evaluation before it counts as a rule loop; default: ${DEFAULT-VALUE}")
	private int maxRuleFirings = Integer.parseInt(GuidesProperties.MAX_RULE_FIRINGS);

	@Option(names = "--heap", defaultValue = GuidesProperties.HEAP, converter = DataSizeConverter.class,
			paramLabel = "SIZE",
			description = "with --verdicts: the heap cap (-Xmx) of each check process; default: ${DEFAULT-VALUE}")
	private DataSize heap = DataSize.parse(GuidesProperties.HEAP);

	@Option(names = "--verdicts", paramLabel = "FOLDER",
			description = "check each guide as the service's gate does (a JVM of its own within the bounds above) "
					+ "and keep each passed verdict in this folder, the service's guides.gate.verdicts: a service "
					+ "with the same bounds and the same jar then serves the revision without checking it")
	private Path verdicts;

	@Option(names = "--accept",
			description = "first rewrite the wanted values of the cases the edit changed: cases that pass on the "
					+ "guide's last committed version (git HEAD) and fail now get the new answer; a case that fails on "
					+ "the committed version too is left as is. Prints each value it rewrites.")
	private boolean accept;

	@Option(names = "--against", paramLabel = "FOLDER",
			description = "with --accept and one guide folder: the guide before the edit, instead of git HEAD")
	private Path against;

	@Spec
	private CommandSpec spec;

	private PrintStream out;

	/** What the check is doing now, said when the time limit stops it. */
	private final AtomicReference<String> doing = new AtomicReference<>("starting");

	public GuideCheck() {
	}

	/** The command printing its report here rather than to standard output. */
	GuideCheck(PrintStream out) {
		this.out = out;
	}

	/**
	 * The entry point of the gate's check process when the service runs from a plain
	 * class path (tests, {@code spring-boot:run}); a packaged jar goes through its
	 * launcher and the {@code check} command instead.
	 */
	public static void main(String[] args) {
		LoggingSystem.get(GuideCheck.class.getClassLoader()).beforeInitialize();
		System.exit(new CommandLine(new GuideCheck()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
	}

	@Override
	public Integer call() {
		PrintStream stdout = (this.out != null) ? this.out
				: new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
		PrintWriter err = this.spec.commandLine().getErr();
		if (!Files.isDirectory(this.dir)) {
			return usage(this.dir, err);
		}
		if (this.verdicts != null && !writable(this.verdicts, err)) {
			return USAGE;
		}
		if (this.accept && accept(this.dir, this.against, stdout, err) == USAGE) {
			return USAGE;
		}
		this.out = stdout;
		if (this.verdicts != null) {
			// Each check process stops itself at the time limit, and the gate kills it
			// past it.
			return checkAsTheGate(folders(this.dir));
		}
		stopAtTheTimeLimit(err);
		return check(folders(this.dir));
	}

	/** Whether the folder of verdicts is one this command can write, said if not. */
	private static boolean writable(Path folder, PrintWriter err) {
		try {
			Files.createDirectories(folder);
			if (Files.isWritable(folder)) {
				return true;
			}
		}
		catch (IOException ex) {
			// Said below.
		}
		err.println("check: --verdicts " + folder + " is not a folder this command can write");
		err.flush();
		return false;
	}

	/**
	 * Checks the guides of a rules folder, or one guide folder.
	 * @return the exit status: {@link #PASSED}, {@link #FAILED} or {@link #USAGE}
	 */
	static int check(Path dir, PrintStream out, PrintWriter err) {
		if (!Files.isDirectory(dir)) {
			return usage(dir, err);
		}
		GuideCheck check = new GuideCheck();
		check.out = out;
		return check.check(folders(dir));
	}

	private static int usage(Path dir, PrintWriter err) {
		err.println("check: " + dir + " is not a folder. Usage: check [rules-folder | guide-folder]");
		err.flush();
		return USAGE;
	}

	private static List<Path> folders(Path dir) {
		try (Stream<Path> files = Files.list(dir)) {
			boolean oneGuide = files.anyMatch((file) -> file.getFileName().toString().endsWith(".drl"));
			return oneGuide ? List.of(dir) : GuideFolders.in(dir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + dir, ex);
		}
	}

	/**
	 * A rule that never ends cannot be interrupted: once the check reaches its time limit
	 * the whole process stops, saying what it was doing and what it used.
	 */
	private void stopAtTheTimeLimit(PrintWriter err) {
		CheckTimeLimit limit = CheckTimeLimit.of(this.timeLimit);
		Thread watchdog = new Thread(() -> {
			Duration cpu;
			Duration elapsed;
			do {
				try {
					Thread.sleep(WATCHDOG_INTERVAL_MILLIS);
				}
				catch (InterruptedException ex) {
					return;
				}
				cpu = Duration.ofNanos(PROCESS.getProcessCpuTime());
				// From the JVM's start, as the service counts: a busy machine can take
				// seconds
				// to get a JVM this far.
				elapsed = Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime());
			}
			while (!limit.reached(cpu, elapsed));
			err.println(STOPPED + this.doing.get() + "; it used " + CheckTimeLimit.used(cpu, elapsed));
			err.flush();
			Runtime.getRuntime().halt(TIME_LIMIT);
		}, "check-time-limit");
		watchdog.setDaemon(true);
		watchdog.start();
	}

	/**
	 * Takes an edit of the rules into the cases of a rules folder's guides, or of one
	 * guide folder.
	 * @return {@link #PASSED}, or {@link #USAGE} when a guide or its baseline could not
	 * be read (said on {@code err})
	 */
	static int accept(Path dir, Path against, PrintStream out, PrintWriter err) {
		if (!Files.isDirectory(dir) || (against != null && !Files.isDirectory(against))) {
			err.println("check: " + (Files.isDirectory(dir) ? against : dir)
					+ " is not a folder. Usage: check --accept " + "[--against FOLDER] [rules-folder | guide-folder]");
			err.flush();
			return USAGE;
		}
		boolean oneGuide = !GuideSource.read(dir).ruleFiles().isEmpty();
		if (against != null && !oneGuide) {
			err.println("check: --against compares one guide folder; " + dir + " holds several guides");
			err.flush();
			return USAGE;
		}
		int status = PASSED;
		CaseAcceptance acceptance = new CaseAcceptance(out);
		for (Path folder : oneGuide ? List.of(dir) : GuideFolders.in(dir)) {
			try {
				accept(acceptance, folder, (against != null) ? GuideSource.read(against) : GitBaseline.of(folder));
			}
			catch (IllegalArgumentException ex) {
				err.println("check --accept: " + ex.getMessage());
				err.flush();
				status = USAGE;
			}
		}
		return status;
	}

	private static void accept(CaseAcceptance acceptance, Path folder, GuideSource baseline) {
		GuideCompiler compiler = new GuideCompiler(Integer.parseInt(GuidesProperties.MAX_RULE_FIRINGS));
		CompiledRules now = compile(compiler, folder, GuideSource.read(folder), "the edited guide");
		try {
			CompiledRules before = compile(compiler, folder, baseline, "the guide before the edit");
			try {
				acceptance.accept(folder, now, before);
			}
			finally {
				before.dispose();
			}
		}
		finally {
			now.dispose();
		}
	}

	private static CompiledRules compile(GuideCompiler compiler, Path folder, GuideSource source, String what) {
		try {
			return compiler.compile(source);
		}
		catch (GuideRefusedException ex) {
			throw new IllegalArgumentException(folder + ": " + what + " does not compile:\n  "
					+ String.join("\n  ",
							ex.getProblems()
								.stream()
								.map((problem) -> folder.resolve(problem.toString()).toString())
								.toList()));
		}
	}

	private int check(List<Path> folders) {
		GuideLoader loader = new GuideLoader(new GuideCompiler(this.maxRuleFirings));
		return check(folders, (folder) -> check(loader, folder), (verdict) -> null);
	}

	/**
	 * Checks each guide through the service's gate, with the service's key for its
	 * verdict, and says where each passed verdict is kept.
	 */
	private int checkAsTheGate(List<Path> folders) {
		GuidesProperties.Gate bounds = new GuidesProperties.Gate(this.timeLimit, this.heap, this.maxFileSize,
				this.p99Budget, this.verdicts.toString());
		PassedVerdicts passed = new PassedVerdicts(bounds, this.maxRuleFirings, CheckerBuild::ofThisProcess);
		try (GuideGate gate = new GuideGate(bounds, this.maxRuleFirings, CheckCommandLine.ofThisProcess(), passed)) {
			return check(folders, (folder) -> gate.check(GuideSource.read(folder)), (verdict) -> {
				if (!verdict.passed()) {
					return null;
				}
				Path kept = passed.file(verdict.revision());
				return (kept != null && Files.isRegularFile(kept))
						? "kept in " + kept
								+ ": a service with these bounds and this jar serves this revision without checking it"
						: "the verdict could not be kept in " + this.verdicts;
			});
		}
	}

	/**
	 * @param checker the verdict of one guide folder
	 * @param note a line to print under a verdict, or null
	 */
	private int check(List<Path> folders, Function<Path, GuideVerdict> checker, Function<GuideVerdict, String> note) {
		List<GuideVerdict> verdicts = new ArrayList<>();
		for (Path folder : folders) {
			this.doing.set("reading " + folder);
			GuideVerdict verdict = OversizedFiles.in(folder, this.maxFileSize)
				.map((oversized) -> new GuideVerdict(folder.getFileName().toString(), oversized.revision(), "", false,
						0, null, oversized.problems(), List.of()))
				.orElseGet(() -> checker.apply(folder));
			if (this.format == Format.TEXT) {
				print(folder, verdict, note.apply(verdict));
			}
			verdicts.add(verdict);
		}
		int failed = (int) verdicts.stream().filter((verdict) -> !verdict.passed()).count();
		if (this.format == Format.JSON) {
			this.out.println(JsonMapper.builder().build().writeValueAsString(new GuideVerdict.Report(verdicts)));
		}
		else {
			this.out.printf(Locale.ROOT, "%d guide%s checked, %d failed%n", folders.size(),
					(folders.size() == 1) ? "" : "s", failed);
		}
		return (failed == 0) ? PASSED : FAILED;
	}

	private GuideVerdict check(GuideLoader loader, Path folder) {
		GuideSource source = GuideSource.read(folder);
		String guide = source.id();
		GuideValidation validation = loader.validate(source, this.p99Budget,
				(what) -> this.doing.set(what + " (guide '" + guide + "')"));
		try {
			return GuideVerdict.of(validation);
		}
		finally {
			validation.discard();
		}
	}

	private void print(Path folder, GuideVerdict verdict, String note) {
		this.out.printf(Locale.ROOT, "%s  revision %s%n", verdict.guide(), verdict.revision());
		for (GuideProblem problem : verdict.problems()) {
			this.out.println((problem.file() != null) ? folder.resolve(problem.file()) + ":" + problem.line() + ":"
					+ problem.column() + ": " + problem.message() : folder + ": " + problem.message());
		}
		if (verdict.passed()) {
			this.out.printf(Locale.ROOT,
					"  ok: compiles, one preset for every image count from 1 to %d, p99 evaluation %s us, "
							+ "%d case%s pass%n",
					PresetTable.MAX_IMAGE_COUNT, text(verdict.p99Micros()), verdict.casesRun(),
					(verdict.casesRun() == 1) ? "" : "s");
			if (note != null) {
				this.out.println("  " + note);
			}
		}
		else {
			this.out.printf(Locale.ROOT, "  FAILED: %d problem%s%n", verdict.problems().size(),
					(verdict.problems().size() == 1) ? "" : "s");
		}
		if (!verdict.presets().isEmpty()) {
			this.out.printf(Locale.ROOT, ROW, "preset", "images", "steps", "learning rate", "dim/alpha", "repeats",
					"warmup", "scheduler", "label");
			verdict.presets().forEach(this::print);
		}
		this.out.println();
	}

	private void print(PresetRow row) {
		String images = row.fromImages() + ((row.toImages() != null) ? "-" + row.toImages() : "+");
		this.out.printf(Locale.ROOT, ROW, row.preset(), images, text(row.maxTrainSteps()), text(row.learningRate()),
				text(row.networkDim()) + "/" + text(row.networkAlpha()), text(row.repeats()), text(row.warmupSteps()),
				text(row.lrScheduler()), text(row.label()));
	}

	/** How the report is printed. */
	enum Format {

		TEXT, JSON

	}

	static final class DurationConverter implements ITypeConverter<Duration> {

		@Override
		public Duration convert(String value) {
			return DurationStyle.detectAndParse(value);
		}

	}

	static final class DataSizeConverter implements ITypeConverter<DataSize> {

		@Override
		public DataSize convert(String value) {
			return DataSize.parse(value);
		}

	}

	private static String text(Object value) {
		if (value == null) {
			return "-";
		}
		return (value instanceof Double number) ? PlainDecimal.of(number) : value.toString();
	}

}
