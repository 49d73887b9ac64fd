package dev.loraguide.export;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import dev.loraguide.guide.Evaluation;
import dev.loraguide.guide.Guide;
import dev.loraguide.guide.GuideCompiler;
import dev.loraguide.guide.GuideLoader;
import dev.loraguide.guide.GuideRefusedException;
import dev.loraguide.guide.GuideSource;
import dev.loraguide.guide.GuidesProperties;
import dev.loraguide.guide.PresetTable;
import dev.loraguide.guide.fact.ActorDataset;
import dev.loraguide.guide.fact.ParameterOverrides;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code export} command: evaluates a guide folder offline, as the service would, and
 * writes the recommendation as a trainer's files into a folder, for pipelines without a
 * server.
 *
 * <pre>java -jar lora-guide.jar export rules/flux-lora --images 23 --actor "Jane Doe" --trainer kohya --out run</pre>
 */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
		description = "Evaluates a guide offline for an image set and writes the recommendation as a trainer's "
				+ "config files and launch script (train.sh) into a folder. Prints what it wrote, the launch command "
				+ "and where the trainer cannot take what the guide said (lossy mappings).",
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:the files are written", "1:the guide is refused (its problems go to stderr)",
				"2:usage error (unknown or bad option, missing guide folder)", "3:the files could not be written" })
public final class ExportCommand implements Callable<Integer> {

	/** The files are written. */
	public static final int WRITTEN = 0;

	/** The guide does not pass its checks. */
	public static final int GUIDE_REFUSED = 1;

	/** An option is missing, unknown or bad. */
	public static final int USAGE = 2;

	/** The output folder or a file in it could not be written. */
	public static final int WRITE_FAILED = 3;

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(SerializationFeature.INDENT_OUTPUT)
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	@Parameters(arity = "0..1", defaultValue = "rules/flux-lora", paramLabel = "GUIDE_FOLDER",
			description = "the guide folder to evaluate; default: ${DEFAULT-VALUE}")
	private Path guideFolder;

	@Option(names = "--images", required = true, paramLabel = "N", description = "number of training images")
	private int images;

	@Option(names = "--actor", paramLabel = "NAME",
			description = "the actor's name; becomes the trigger token in guides that say so")
	private String actor;

	@Option(names = "--trainer", required = true, paramLabel = "TRAINER",
			description = "the trainer (the API's format): " + TrainerFormat.IDS)
	private String trainer;

	@Option(names = "--out", required = true, paramLabel = "FOLDER",
			description = "folder to write the files into; created if missing, files of the same name replaced")
	private Path out;

	@Option(names = "--set", paramLabel = "PARAMETER=VALUE",
			description = "fix a parameter by hand, as the API's overrides: maxTrainSteps, learningRate, networkDim, "
					+ "networkAlpha, repeats, epochs, warmupSteps, lrScheduler")
	private Map<String, String> overrides = new LinkedHashMap<>();

	@Option(names = "--model", paramLabel = "PATH", description = "FLUX base model file (ai-toolkit: file or id)")
	private String model;

	@Option(names = "--clip-l", paramLabel = "PATH", description = "CLIP-L text encoder file (kohya, fluxgym)")
	private String clipL;

	@Option(names = "--t5xxl", paramLabel = "PATH", description = "T5-XXL text encoder file (kohya, fluxgym)")
	private String t5xxl;

	@Option(names = "--ae", paramLabel = "PATH", description = "autoencoder file (kohya, fluxgym)")
	private String ae;

	@Option(names = "--dataset-dir", paramLabel = "PATH",
			description = "folder of the images and .txt captions; default /data/<output name>")
	private String datasetDir;

	@Option(names = "--output-dir", paramLabel = "PATH", description = "where the trainer writes the LoRA")
	private String outputDir;

	@Option(names = "--output-name", paramLabel = "NAME",
			description = "the LoRA's name; default: the slug of the trigger token")
	private String outputName;

	@Option(names = "--resolution", paramLabel = "PIXELS", description = "multiple of 64 from 256 to 4096")
	private Integer resolution;

	@Option(names = "--batch-size", paramLabel = "N", description = "images per step, 1 to 64")
	private Integer batchSize;

	@Option(names = "--caption-prefix",
			description = "kohya, fluxgym: also put the trigger token before every caption (caption_prefix)")
	private Boolean captionPrefix;

	@Option(names = "--syntax", paramLabel = "yaml|json", description = "ai-toolkit's job file as yaml or json")
	private String syntax;

	@Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
			description = "what to print: text for people, json (the API's answer) for pipelines; default: "
					+ "${DEFAULT-VALUE}")
	private String printFormat;

	@Spec
	private CommandSpec spec;

	@Override
	public Integer call() {
		PrintWriter out = this.spec.commandLine().getOut();
		PrintWriter err = this.spec.commandLine().getErr();
		try {
			return export(out, err);
		}
		finally {
			out.flush();
			err.flush();
		}
	}

	private int export(PrintWriter out, PrintWriter err) {
		TrainerExport export;
		try {
			export = evaluateAndExport();
		}
		catch (UsageException | InvalidExportOptionException ex) {
			err.println("export: " + ex.getMessage());
			return USAGE;
		}
		catch (GuideRefusedException ex) {
			err.println("export: guide " + this.guideFolder + " is refused; run check for its preset table:");
			ex.getProblems().forEach((problem) -> err.println(InertText.of(problem.toString())));
			return GUIDE_REFUSED;
		}
		try {
			Files.createDirectories(this.out);
			for (ExportFile file : export.files()) {
				Files.writeString(this.out.resolve(file.path()), file.content(), StandardCharsets.UTF_8);
			}
		}
		catch (IOException ex) {
			err.println("export: cannot write into " + this.out + ": " + ex);
			return WRITE_FAILED;
		}
		if ("json".equals(this.printFormat)) {
			out.println(JSON.writeValueAsString(export));
		}
		else {
			printText(export, out);
		}
		return WRITTEN;
	}

	private TrainerExport evaluateAndExport() throws GuideRefusedException {
		if (!Set.of("text", "json").contains(this.printFormat)) {
			throw new UsageException("--format must be text or json");
		}
		if (this.images < 1 || this.images > PresetTable.MAX_IMAGE_COUNT) {
			throw new UsageException("--images must be from 1 to " + PresetTable.MAX_IMAGE_COUNT);
		}
		if (!Files.isDirectory(this.guideFolder)) {
			throw new UsageException(this.guideFolder + " is not a guide folder");
		}
		TrainerFormat format = TrainerFormat.of(this.trainer);
		ExportOptions options = new ExportOptions(this.model, this.clipL, this.t5xxl, this.ae, this.datasetDir,
				this.outputDir, this.outputName, this.resolution, this.batchSize, this.captionPrefix, this.syntax);
		ParameterOverrides fixed = overrides();
		GuideSource source = GuideSource.read(this.guideFolder);
		Guide guide = new GuideLoader(new GuideCompiler(Integer.parseInt(GuidesProperties.MAX_RULE_FIRINGS)))
			.load(source);
		Evaluation evaluation = guide.evaluate(new ActorDataset(null, this.actor, this.images, Map.of()), fixed);
		return new Exporter().export(new ExportSource(guide.id(), guide.revision(), null, this.images,
				evaluation.triggerToken(), evaluation.parameters()), format, options);
	}

	/** The {@code --set} values, checked with the API's own bounds. */
	private ParameterOverrides overrides() {
		ParameterOverrides fixed;
		try {
			fixed = JSON.convertValue(this.overrides, ParameterOverrides.class);
		}
		catch (JacksonException ex) {
			throw new UsageException("--set " + InertText.of(ex.getOriginalMessage()));
		}
		try (ValidatorFactory validation = Validation.buildDefaultValidatorFactory()) {
			Set<ConstraintViolation<ParameterOverrides>> violations = validation.getValidator().validate(fixed);
			if (!violations.isEmpty()) {
				throw new UsageException(violations.stream()
					.map((violation) -> "--set " + violation.getPropertyPath() + " " + violation.getMessage())
					.sorted()
					.collect(Collectors.joining("; ")));
			}
		}
		return fixed;
	}

	private void printText(TrainerExport export, PrintWriter out) {
		out.printf("%s export of guide %s (revision %s) for %d images, written to %s:%n", export.format(),
				export.guide().id(), export.guide().revision(), this.images, this.out);
		export.files().forEach((file) -> out.println("  " + this.out.resolve(file.path())));
		out.println("command (run in " + this.out + "):");
		out.println("  " + export.command());
		if (export.lossy().isEmpty()) {
			out.println("lossy mappings: none");
		}
		else {
			out.println("lossy mappings:");
			ProvenanceNote.lossyLines(export.lossy()).forEach((line) -> out.println("  " + line));
		}
	}

	/** Runs the command with its own output streams, as the jar does. */
	static int run(PrintWriter out, PrintWriter err, String... args) {
		return new CommandLine(new ExportCommand()).setOut(out).setErr(err).execute(args);
	}

	private static final class UsageException extends RuntimeException {

		UsageException(String message) {
			super(message);
		}

	}

}
