package dev.loraguide.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import dev.loraguide.guide.Evaluation;
import dev.loraguide.guide.Guide;
import dev.loraguide.guide.ShippedGuides;
import dev.loraguide.guide.fact.ActorDataset;
import dev.loraguide.guide.fact.ParameterOverrides;
import dev.loraguide.guide.fact.TrainingParameters;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.toml.TomlMapper;

/**
 * Makes exports for tests and reads their files back with parsers other than the writer
 * path: Jackson's TOML parser, SnakeYAML, Jackson's JSON parser, and {@code sh} itself
 * for scripts.
 */
final class Exports {

	static final UUID RECOMMENDATION = UUID.fromString("3f2a6c1e-0d4b-4c8e-9a57-1b2c3d4e5f60");

	private static final TomlMapper TOML = new TomlMapper();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * Compiled once per test run: compiling a guide is the slow part of an export test.
	 */
	private static final Map<String, Guide> GUIDES = new java.util.concurrent.ConcurrentHashMap<>();

	private Exports() {
	}

	/** The shipped guide's recommendation, evaluated as the service would. */
	static ExportSource ofGuide(String guideId, int images, String actor, ParameterOverrides overrides) {
		Guide guide = GUIDES.computeIfAbsent(guideId, ShippedGuides::load);
		Evaluation evaluation = guide.evaluate(new ActorDataset(null, actor, images, Map.of()), overrides);
		return new ExportSource(guide.id(), guide.revision(), RECOMMENDATION, images, evaluation.triggerToken(),
				evaluation.parameters());
	}

	/** A recommendation with exactly these parameters. */
	static ExportSource of(TrainingParameters parameters, int images, String trigger) {
		return new ExportSource("test-guide", "0123456789abcdef", RECOMMENDATION, images, trigger, parameters);
	}

	static TrainerExport export(ExportSource source, TrainerFormat format) {
		return export(source, format, ExportOptions.DEFAULTS);
	}

	static TrainerExport export(ExportSource source, TrainerFormat format, ExportOptions options) {
		return new Exporter().export(source, format, options);
	}

	static ExportFile file(TrainerExport export, String path) {
		return export.files()
			.stream()
			.filter((file) -> file.path().equals(path))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + path + " in " + export.files()));
	}

	static JsonNode toml(ExportFile file) {
		return TOML.readTree(file.content());
	}

	/** kohya's view of its args file: every section flattened into one namespace. */
	static JsonNode kohyaArguments(ExportFile file) {
		tools.jackson.databind.node.ObjectNode flat = JSON.createObjectNode();
		toml(file).properties().forEach((section) -> {
			if (section.getValue().isObject()) {
				flat.setAll((tools.jackson.databind.node.ObjectNode) section.getValue());
			}
			else {
				flat.set(section.getKey(), section.getValue());
			}
		});
		return flat;
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> yaml(ExportFile file) {
		return (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(file.content());
	}

	static JsonNode json(ExportFile file) {
		return JSON.readTree(file.content());
	}

	/**
	 * The words a script's command runs with, as {@code sh} splits them: the script runs
	 * with {@code accelerate} and {@code python} replaced by a recorder of its arguments.
	 */
	static List<String> scriptWords(ExportFile script, Path temp) {
		try {
			Path bin = Files.createDirectories(temp.resolve("bin"));
			for (String program : List.of("accelerate", "python")) {
				Path recorder = bin.resolve(program);
				Files.writeString(recorder, "#!/bin/sh\nprintf '%s\\0' \"$(basename \"$0\")\" \"$@\"\n");
				recorder.toFile().setExecutable(true);
			}
			Path file = temp.resolve(script.path());
			Files.writeString(file, script.content(), StandardCharsets.UTF_8);
			return run(List.of("sh", file.toString()), bin);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The words {@code sh} makes of a command line, printed by {@code printf}. */
	static List<String> shellWords(String commandLine) {
		return run(List.of("sh", "-c", "printf '%s\\0' " + commandLine), null);
	}

	private static List<String> run(List<String> command, Path bin) {
		try {
			ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
			if (bin != null) {
				builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
			}
			Process process = builder.start();
			byte[] output = process.getInputStream().readAllBytes();
			if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new AssertionError(command + " failed");
			}
			String text = new String(output, StandardCharsets.UTF_8);
			return new ArrayList<>(Arrays.asList(text.substring(0, text.length() - 1).split("\0", -1)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

}
