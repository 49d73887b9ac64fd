package dev.loraguide.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.stream.Stream;

import dev.loraguide.guide.GuideCompiler;
import dev.loraguide.guide.GuideLoader;
import dev.loraguide.guide.GuideRegistry;
import dev.loraguide.guide.ReloadListener;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A copy of the project's rules folder for tests that edit files, with its guides loaded.
 */
public final class RulesFolder {

	private static final Path SHIPPED = Path.of("rules");

	/** A running 50/50 experiment between the two shipped guides. */
	public static final String LR_GENTLE_50_50 = """
			experiments:
			  - id: lr-gentle
			    status: running
			    salt: lr-gentle-2026
			    variants:
			      - {name: control, guide: flux-lora, weight: 50}
			      - {name: legacy, guide: legacy-defaults, weight: 50}
			""";

	private RulesFolder() {
	}

	/**
	 * Copies the shipped guide folders (not the experiments file) into {@code target}.
	 */
	public static Path copyGuides(Path target) {
		try (Stream<Path> files = Files.walk(SHIPPED)) {
			for (Path source : files.toList()) {
				Path relative = SHIPPED.relativize(source);
				if (Files.isDirectory(source)) {
					Files.createDirectories(target.resolve(relative));
				}
				else if (relative.getNameCount() > 1) {
					Files.copy(source, target.resolve(relative), StandardCopyOption.REPLACE_EXISTING);
				}
			}
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Fills {@code folder} with the shipped guides and the given experiments file, and
	 * points the application's {@code guides.dir} at it.
	 */
	public static void serve(Path folder, String experimentsYaml, DynamicPropertyRegistry registry) {
		copyGuides(folder);
		write(folder.resolve("experiments.yaml"), experimentsYaml);
		registry.add("guides.dir", folder::toString);
	}

	public static GuideRegistry loadGuides(Path folder) {
		GuideRegistry guides = new GuideRegistry(folder, "flux-lora", new GuideLoader(new GuideCompiler(1000)),
				Clock.systemUTC(), Duration.ofSeconds(5), ReloadListener.NONE);
		guides.reload();
		return guides;
	}

	public static void write(Path file, String content) {
		try {
			Files.writeString(file, content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static void move(Path from, Path to) {
		try {
			Files.move(from, to);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
