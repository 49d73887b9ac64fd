package dev.loraguide.guide;

import dev.loraguide.system.Revision;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The content of the rules folder at one moment: a hash per file, for the files at its
 * top level and in its sub-folders. Content rather than timestamps or file events,
 * because editors save by renaming, bind mounts drop events, and a Kubernetes ConfigMap
 * swaps a {@code ..data} link without touching the files it points through. Hidden
 * entries are skipped; links are followed. Files over a megabyte are fingerprinted by
 * size and modification time instead.
 *
 * @param hashes content hash by path relative to the rules folder
 */
record FolderSnapshot(Map<Path, String> hashes) {

	/**
	 * A file larger than this is told apart by size and modification time rather than
	 * read every scan: no guide file that size is served (guides.gate.max-file-size).
	 */
	private static final long LARGE_FILE_BYTES = 1024 * 1024;

	FolderSnapshot {
		hashes = Map.copyOf(hashes);
	}

	static FolderSnapshot of(Path dir) {
		Map<Path, String> hashes = new HashMap<>();
		for (Path entry : visibleEntries(dir)) {
			if (Files.isDirectory(entry)) {
				visibleEntries(entry).forEach((file) -> hash(dir, file, hashes));
			}
			else {
				hash(dir, entry, hashes);
			}
		}
		return new FolderSnapshot(hashes);
	}

	/** Paths added, removed or edited since {@code earlier}. */
	Set<Path> changedSince(FolderSnapshot earlier) {
		Set<Path> changed = new HashSet<>();
		this.hashes.forEach((path, hash) -> {
			if (!hash.equals(earlier.hashes.get(path))) {
				changed.add(path);
			}
		});
		earlier.hashes.keySet().stream().filter((path) -> !this.hashes.containsKey(path)).forEach(changed::add);
		return changed;
	}

	private static List<Path> visibleEntries(Path folder) {
		try (Stream<Path> entries = Files.list(folder)) {
			return entries.filter((entry) -> !entry.getFileName().toString().startsWith(".")).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot list " + folder.toAbsolutePath(), ex);
		}
	}

	private static void hash(Path dir, Path file, Map<Path, String> hashes) {
		if (!Files.isRegularFile(file)) {
			return;
		}
		try {
			long size = Files.size(file);
			if (size > LARGE_FILE_BYTES) {
				hashes.put(dir.relativize(file), size + "@" + Files.getLastModifiedTime(file).toMillis());
				return;
			}
			hashes.put(dir.relativize(file), Revision.of(Files.readAllBytes(file)));
		}
		catch (NoSuchFileException ex) {
			// Gone between listing and reading, like an editor's temporary file: not part
			// of the content.
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + file.toAbsolutePath(), ex);
		}
	}

}
