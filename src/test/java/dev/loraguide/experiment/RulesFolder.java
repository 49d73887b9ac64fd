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

/** A copy of the project's rules folder for tests that edit files, with its guides loaded. */
public final class RulesFolder {

	private static final Path SHIPPED = Path.of("rules");

	private RulesFolder() {
	}

	/** Copies the shipped guide folders (not the experiments file) into {@code target}. */
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
