package dev.loraguide.guide;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The {@code diff} command: what an edit changes, image count by image count, before it
 * goes live. Each side is a guide folder or a running service's guide endpoint.
 *
 * <pre>java -jar lora-guide.jar diff http://localhost:8080/api/v1/guides/flux-lora rules/flux-lora</pre>
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
		description = "Shows which answers change from one guide to another: both are evaluated at every image count "
				+ "from 1 to 1000 and a log-spaced sample to 100000, and each range of counts where an output differs "
				+ "is printed with the values at its ends. A side is a guide folder (compiled as is, even if its cases "
				+ "fail) or the URL of a running service's guide, e.g. http://localhost:8080/api/v1/guides/flux-lora.",
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:no answer differs", "1:some answers differ",
				"2:usage error, or a side cannot be read (missing folder, guide that does not compile, service that "
						+ "does not answer)" })
public final class GuideDiffCommand implements Callable<Integer> {

	/** No answer differs. */
	public static final int SAME = 0;

	/** Some answers differ. */
	public static final int DIFFERENT = 1;

	/** The command was misused or a side could not be read. */
	public static final int USAGE = 2;

	@Parameters(index = "0", paramLabel = "BEFORE",
			description = "the guide before the change: a folder or a guide URL")
	private String before;

	@Parameters(index = "1", paramLabel = "AFTER", description = "the guide after the change: a folder or a guide URL")
	private String after;

	@Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
			description = "text (one range a line) or json (the API's diff); default: ${DEFAULT-VALUE}")
	private Format format;

	@Spec
	private CommandSpec spec;

	enum Format {

		text, json

	}

	@Override
	public Integer call() {
		PrintStream stdout = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
		return diff(this.before, this.after, this.format, stdout, this.spec.commandLine().getErr());
	}

	/**
	 * Compares two guides and prints the diff.
	 * @return {@link #SAME}, {@link #DIFFERENT} or {@link #USAGE}
	 */
	static int diff(String before, String after, Format format, PrintStream out, PrintWriter err) {
		GuideDiff diff;
		try {
			diff = GuideDiff.between(GuideCurvesSource.read(before), GuideCurvesSource.read(after));
		}
		catch (IllegalArgumentException ex) {
			err.println("diff: " + ex.getMessage());
			err.flush();
			return USAGE;
		}
		if (format == Format.json) {
			out.println(GuideCurvesSource.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(diff));
		}
		else {
			out.printf(Locale.ROOT, "%s %s (%s) → %s %s (%s)%n", diff.before().id(), diff.before().revision(), before,
					diff.after().id(), diff.after().revision(), after);
			out.println(diff.text());
			if (!diff.identical()) {
				out.printf(Locale.ROOT, "%d range%s of image counts change%n", diff.ranges().size(),
						(diff.ranges().size() == 1) ? "" : "s");
			}
		}
		out.flush();
		return diff.identical() ? SAME : DIFFERENT;
	}

}
