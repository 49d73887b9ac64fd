package dev.loraguide.guide;

import dev.loraguide.system.Revision;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.yaml.snakeyaml.Yaml;

/**
 * The files of one guide folder as read from disk, with the revision that names exactly
 * this content.
 *
 * @param id guide id, the folder name
 * @param directory the folder
 * @param files file name to content, sorted by name
 * @param revision content hash of the files (names and bytes), stable across machines
 */
public record GuideSource(String id, Path directory, SortedMap<String, String> files, String revision) {

	/** Optional file holding a guide's {@code description}. */
	public static final String METADATA_FILE = "guide.yaml";

	public GuideSource {
		files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
	}

	public static GuideSource read(Path directory) {
		SortedMap<String, String> files = new TreeMap<>();
		try (Stream<Path> entries = Files.list(directory)) {
			for (Path file : entries.filter(Files::isRegularFile).toList()) {
				String name = file.getFileName().toString();
				if (!name.startsWith(".")) {
					files.put(name, Files.readString(file, StandardCharsets.UTF_8));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read guide folder " + directory, ex);
		}
		return new GuideSource(directory.getFileName().toString(), directory, files, Revision.of(files));
	}

	public SortedMap<String, String> ruleFiles() {
		SortedMap<String, String> drl = new TreeMap<>();
		this.files.forEach((name, content) -> {
			if (name.endsWith(".drl")) {
				drl.put(name, content);
			}
		});
		return drl;
	}

	/** The {@code description} of {@value #METADATA_FILE}, or an empty string. */
	public String description() {
		String metadata = this.files.get(METADATA_FILE);
		if (metadata == null) {
			return "";
		}
		Object parsed = new Yaml().load(metadata);
		if (parsed instanceof Map<?, ?> map && map.get("description") instanceof String description) {
			return description.strip();
		}
		return "";
	}

}
