package dev.loraguide.guide;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.util.unit.DataSize;

/**
 * A guide folder holding a file over the size limit ({@code guides.gate.max-file-size}):
 * refused before anything parses it, or even reads it whole, so a huge file cannot cost
 * the service its memory.
 *
 * @param revision the revision the files make, hashed as {@link GuideSource} would
 * without holding a file in memory
 * @param problems one per file over the limit
 */
record OversizedFiles(String revision, List<GuideProblem> problems) {

	private static final int REVISION_HEX_DIGITS = 16;

	OversizedFiles {
		problems = List.copyOf(problems);
	}

	/** The files of a guide folder over the limit, if there are any. */
	static Optional<OversizedFiles> in(Path folder, DataSize limit) {
		List<Path> files = files(folder);
		List<GuideProblem> problems = new ArrayList<>();
		for (Path file : files) {
			long size = size(file);
			if (size > limit.toBytes()) {
				problems.add(new GuideProblem(file.getFileName().toString(), 0, 0,
						String.format(Locale.ROOT,
								"the file is %.1f MB, over the %.1f MB limit for a guide file "
										+ "(guides.gate.max-file-size); it was not read",
								size / 1048576.0, limit.toBytes() / 1048576.0)));
			}
		}
		return problems.isEmpty() ? Optional.empty() : Optional.of(new OversizedFiles(revisionOf(files), problems));
	}

	private static List<Path> files(Path folder) {
		try (Stream<Path> entries = Files.list(folder)) {
			return entries.filter(Files::isRegularFile)
				.filter((file) -> !file.getFileName().toString().startsWith("."))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read guide folder " + folder, ex);
		}
	}

	private static long size(Path file) {
		try {
			return Files.size(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + file, ex);
		}
	}

	private static String revisionOf(List<Path> files) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			byte[] buffer = new byte[64 * 1024];
			for (Path file : files) {
				sha256.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
				sha256.update((byte) 0);
				try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256)) {
					while (in.read(buffer) >= 0) {
						// The digest reads along.
					}
				}
				sha256.update((byte) 0);
			}
			return HexFormat.of().formatHex(sha256.digest()).substring(0, REVISION_HEX_DIGITS);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read guide files", ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM has SHA-256", ex);
		}
	}

}
