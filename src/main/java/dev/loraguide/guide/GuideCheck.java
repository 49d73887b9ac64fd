package dev.loraguide.guide;

import dev.loraguide.system.PlainDecimal;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The {@code check} command: validates guides the way the service would before serving
 * them, with no server. For each guide it prints the problems as
 * {@code file:line:column: message} (the form editors and CI logs link to) and the preset
 * table; it exits non-zero when any guide fails, so it works as a pre-commit hook or a CI
 * step of the rules repository.
 *
 * <pre>java -jar lora-guide.jar check [rules-folder-or-one-guide-folder]</pre>
 */
@Command(name = "check", mixinStandardHelpOptions = true,
		description = "Checks guides as the service would before serving them: compiles each, runs its cases "
				+ "and the coverage scan, prints problems as file:line:column and each preset table.",
		exitCodeListHeading = "%nExit codes:%n", exitCodeList = { "0:every guide passed", "1:at least one guide failed",
				"2:usage error (the folder is missing)" })
public final class GuideCheck implements Callable<Integer> {

	/** Every guide passed. */
	public static final int PASSED = 0;

	/** At least one guide failed. */
	public static final int FAILED = 1;

	/** The folder to check is missing. */
	public static final int USAGE = 2;

	private static final String ROW = "  %-8s %-12s %6s  %-14s %-10s %7s  %6s  %-10s %s%n";

	@Parameters(arity = "0..1", defaultValue = GuidesProperties.DIR, paramLabel = "FOLDER",
			description = "a rules folder (every guide in it) or one guide folder; default: ${DEFAULT-VALUE}")
	private Path dir;

	@Spec
	private CommandSpec spec;

	private PrintStream out;

	private final GuideLoader loader = new GuideLoader(
			new GuideCompiler(Integer.parseInt(GuidesProperties.MAX_RULE_FIRINGS)));

	@Override
	public Integer call() {
		PrintStream stdout = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
		return check(this.dir, stdout, this.spec.commandLine().getErr());
	}

	/**
	 * Checks the guides of a rules folder, or one guide folder.
	 * @return the exit status: {@link #PASSED}, {@link #FAILED} or {@link #USAGE}
	 */
	static int check(Path dir, PrintStream out, PrintWriter err) {
		if (!Files.isDirectory(dir)) {
			err.println("check: " + dir + " is not a folder. Usage: check [rules-folder | guide-folder]");
			err.flush();
			return USAGE;
		}
		GuideCheck check = new GuideCheck();
		check.out = out;
		boolean oneGuide = !GuideSource.read(dir).ruleFiles().isEmpty();
		return check.check(oneGuide ? List.of(dir) : GuideFolders.in(dir));
	}

	private int check(List<Path> folders) {
		int failed = 0;
		for (Path folder : folders) {
			GuideValidation validation = this.loader.validate(GuideSource.read(folder));
			try {
				print(folder, validation);
			}
			finally {
				validation.discard();
			}
			failed += validation.passed() ? 0 : 1;
		}
		this.out.printf(Locale.ROOT, "%d guide%s checked, %d failed%n", folders.size(),
				(folders.size() == 1) ? "" : "s", failed);
		return (failed == 0) ? PASSED : FAILED;
	}

	private void print(Path folder, GuideValidation validation) {
		this.out.printf(Locale.ROOT, "%s  revision %s%n", validation.source().id(), validation.source().revision());
		for (GuideProblem problem : validation.problems()) {
			this.out.println((problem.file() != null) ? folder.resolve(problem.file()) + ":" + problem.line() + ":"
					+ problem.column() + ": " + problem.message() : folder + ": " + problem.message());
		}
		if (validation.passed()) {
			this.out.printf(Locale.ROOT,
					"  ok: compiles, one preset for every image count from 1 to %d, %d case%s pass%n",
					PresetTable.MAX_IMAGE_COUNT, validation.casesRun(), (validation.casesRun() == 1) ? "" : "s");
		}
		else {
			this.out.printf(Locale.ROOT, "  FAILED: %d problem%s%n", validation.problems().size(),
					(validation.problems().size() == 1) ? "" : "s");
		}
		if (validation.presetTable() != null) {
			this.out.printf(Locale.ROOT, ROW, "preset", "images", "steps", "learning rate", "dim/alpha", "repeats",
					"warmup", "scheduler", "label");
			validation.presetTable().rows().forEach(this::print);
		}
		this.out.println();
	}

	private void print(PresetRow row) {
		String images = row.fromImages() + ((row.toImages() != null) ? "-" + row.toImages() : "+");
		this.out.printf(Locale.ROOT, ROW, row.preset(), images, text(row.maxTrainSteps()), text(row.learningRate()),
				text(row.networkDim()) + "/" + text(row.networkAlpha()), text(row.repeats()), text(row.warmupSteps()),
				text(row.lrScheduler()), text(row.label()));
	}

	private static String text(Object value) {
		if (value == null) {
			return "-";
		}
		return (value instanceof Double number) ? PlainDecimal.of(number) : value.toString();
	}

}
