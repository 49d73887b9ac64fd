package dev.loraguide.guide;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the guide folders in the rules folder. Other entries (such as
 * {@code experiments.yaml} or a Kubernetes ConfigMap's hidden {@code ..data} link) are
 * not guides.
 */
final class GuideFolders {

	private static final Pattern GUIDE_ID = Pattern.compile("[a-z0-9][a-z0-9-]*");

	private GuideFolders() {
	}

	/** Whether a name in the rules folder names a guide. */
	static boolean isGuideId(String name) {
		return GUIDE_ID.matcher(name).matches();
	}

	static List<Path> in(Path dir) {
		if (!Files.isDirectory(dir)) {
			throw new UncheckedIOException(new IOException("guides.dir " + dir.toAbsolutePath() + " is not a folder"));
		}
		try (Stream<Path> entries = Files.list(dir)) {
			return entries.filter(Files::isDirectory)
				.filter((folder) -> GUIDE_ID.matcher(folder.getFileName().toString()).matches())
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot list guides.dir " + dir.toAbsolutePath(), ex);
		}
	}

}
