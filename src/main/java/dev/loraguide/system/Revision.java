package dev.loraguide.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;

/**
 * A revision: the name of exactly one content, the start of its SHA-256 in hex. Stable
 * across machines, so replicas that read the same files report the same revision.
 */
public final class Revision {

	/** Enough to tell revisions apart, short enough to read in a log line. */
	private static final int HEX_DIGITS = 16;

	private Revision() {
	}

	/** The revision of one file's bytes. */
	public static String of(byte[] content) {
		return hex(sha256().digest(content));
	}

	/** The revision of one text. */
	public static String of(String content) {
		return of(content.getBytes(StandardCharsets.UTF_8));
	}

	/** The revision of a set of files, names included, so a rename is a new revision. */
	public static String of(SortedMap<String, String> files) {
		MessageDigest sha256 = sha256();
		for (Map.Entry<String, String> file : files.entrySet()) {
			sha256.update(file.getKey().getBytes(StandardCharsets.UTF_8));
			sha256.update((byte) 0);
			sha256.update(file.getValue().getBytes(StandardCharsets.UTF_8));
			sha256.update((byte) 0);
		}
		return hex(sha256.digest());
	}

	private static String hex(byte[] digest) {
		return HexFormat.of().formatHex(digest).substring(0, HEX_DIGITS);
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM has SHA-256", ex);
		}
	}

}
