package dev.loraguide.guide;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A copy of the project's rules folder to edit in tests, with the edits an ML lead makes.
 */
final class RulesFolder {

	static final Path SHIPPED = Path.of("rules");

	private final Path dir;

	private RulesFolder(Path dir) {
		this.dir = dir;
	}

	/** Copies the shipped guides into {@code dir}. */
	static RulesFolder copyInto(Path dir) {
		try (Stream<Path> files = Files.walk(SHIPPED)) {
			for (Path source : files.toList()) {
				Path target = dir.resolve(SHIPPED.relativize(source).toString());
				if (Files.isDirectory(source)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new RulesFolder(dir);
	}

	Path dir() {
		return this.dir;
	}

	Path guide(String id) {
		return this.dir.resolve(id);
	}

	/**
	 * A registry of this folder, not loaded yet: {@code flux-lora} the default guide,
	 * swapped-out revisions freed at once, no one told of reloads.
	 */
	GuideRegistry registry() {
		return new GuideRegistry(this.dir, "flux-lora", new GuideLoader(new GuideCompiler(1000)), Clock.systemUTC(),
				Duration.ZERO, ReloadListener.NONE);
	}

	/** A new guide folder holding a copy of a shipped guide. */
	Path copyGuide(String shippedId, String newId) {
		Path target = guide(newId);
		try (Stream<Path> files = Files.list(SHIPPED.resolve(shippedId))) {
			Path staging = Files.createTempDirectory(this.dir, ".staging-");
			for (Path source : files.toList()) {
				Files.copy(source, staging.resolve(source.getFileName()));
			}
			// One rename, as a deploy would do it, so no scan sees half a guide.
			Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return target;
	}

	/**
	 * Replaces text in a file the way editors save: write a temporary file, then rename
	 * it over the original.
	 */
	static void replace(Path file, String text, String replacement) {
		String content = read(file);
		assertThat(content).as("text to replace in %s", file).contains(text);
		write(file, content.replace(text, replacement));
	}

	static void write(Path file, String content) {
		try {
			Path saved = Files.createTempFile(file.getParent(), ".save-", ".tmp");
			Files.writeString(saved, content, StandardCharsets.UTF_8);
			Files.move(saved, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Removes a folder in one step (a rename out of sight), then deletes it. */
	static void delete(Path folder) {
		Path hidden = folder.resolveSibling("." + folder.getFileName() + "-deleted");
		try {
			Files.move(folder, hidden, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		try (Stream<Path> files = Files.walk(hidden)) {
			for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
