package dev.loraguide.guide;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.logging.LoggingSystem;

/**
 * The {@code check} command: validates guides the way the service would before serving
 * them, with no server. For each guide it prints the problems as
 * {@code file:line:column: message} (the form editors and CI logs link to) and the preset
 * table; it exits non-zero when any guide fails, so it works as a pre-commit hook or a CI
 * step of the rules repository.
 *
 * <pre>java -jar lora-guide.jar check [rules-folder-or-one-guide-folder]</pre>
 */
public final class GuideCheck {

	/** Every guide passed. */
	public static final int PASSED = 0;

	/** At least one guide failed. */
	public static final int FAILED = 1;

	/** The folder to check is missing. */
	public static final int USAGE = 2;

	private static final String ROW = "  %-8s %-12s %6s  %-14s %-10s %7s  %6s  %-10s %s%n";

	private final PrintStream out;

	private final GuideLoader loader;

	private GuideCheck(PrintStream out) {
		this.out = out;
		this.loader = new GuideLoader(new GuideCompiler(Integer.parseInt(GuidesProperties.MAX_RULE_FIRINGS)));
	}

	/**
	 * Checks the guides of a rules folder, or one guide folder; the command's entry
	 * point.
	 * @param args the folder, {@code rules} when absent
	 * @return the exit status: {@link #PASSED}, {@link #FAILED} or {@link #USAGE}
	 */
	public static int run(String[] args, PrintStream out) {
		// Quiets the engine's logging as Boot does before it starts: the check prints all
		// it has to say.
		LoggingSystem.get(GuideCheck.class.getClassLoader()).beforeInitialize();
		return check(args, out);
	}

	static int check(String[] args, PrintStream out) {
		Path dir = Path.of((args.length > 0) ? args[0] : "rules");
		if (!Files.isDirectory(dir)) {
			out.println("check: " + dir + " is not a folder. Usage: check [rules-folder | guide-folder]");
			return USAGE;
		}
		boolean oneGuide = !GuideSource.read(dir).ruleFiles().isEmpty();
		return new GuideCheck(out).check(oneGuide ? List.of(dir) : GuideFolders.in(dir));
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
		return (value instanceof Double number) ? BigDecimal.valueOf(number).stripTrailingZeros().toPlainString()
				: value.toString();
	}

}
