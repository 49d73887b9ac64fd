package dev.loraguide.guide;

import dev.loraguide.system.Revision;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * A guide folder's files as last committed to git ({@code HEAD}): what {@code check
 * --accept} compares an edit with, so it can tell the cases the edit changed from those
 * that failed before it. Asks the {@code git} command the ML lead commits with.
 */
final class GitBaseline {

	private static final long TIMEOUT_SECONDS = 30;

	private GitBaseline() {
	}

	/**
	 * The committed version of a guide folder.
	 * @throws IllegalArgumentException when the folder is not committed in a git
	 * repository, or git is missing
	 */
	static GuideSource of(Path folder) {
		SortedMap<String, String> files = new TreeMap<>();
		for (String line : git(folder, "ls-tree", "HEAD", ".").split("\n")) {
			// <mode> SP <type> SP <object> TAB <path>
			String[] parts = line.split("\t", 2);
			if (parts.length == 2 && parts[0].split(" ")[1].equals("blob") && !parts[1].startsWith(".")) {
				files.put(parts[1], git(folder, "show", "HEAD:./" + parts[1]));
			}
		}
		if (files.isEmpty()) {
			throw new IllegalArgumentException(folder + " has no committed files: commit the guide before editing it, "
					+ "or name the version before the edit with --against FOLDER");
		}
		Path absolute = folder.toAbsolutePath().normalize();
		return new GuideSource(absolute.getFileName().toString(), absolute, files, Revision.of(files));
	}

	private static String git(Path folder, String... arguments) {
		List<String> command = new ArrayList<>(List.of("git", "-C", folder.toString()));
		command.addAll(List.of(arguments));
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
			process.getOutputStream().close();
			byte[] output = process.getInputStream().readAllBytes();
			String error = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
			if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IllegalArgumentException("cannot read the committed version of " + folder + " (git "
						+ String.join(" ", arguments) + ": " + error + "); commit the guide before editing it, "
						+ "or name the version before the edit with --against FOLDER");
			}
			return new String(output, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("cannot run git to read the committed version of " + folder + ": "
					+ ex.getMessage() + "; name the version before the edit with --against FOLDER", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalArgumentException("interrupted while reading the committed version of " + folder, ex);
		}
	}

}
