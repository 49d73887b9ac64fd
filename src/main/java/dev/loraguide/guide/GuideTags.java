package dev.loraguide.guide;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Collection;

/**
 * Entity tags of the guide GETs. A serving guide's tag is its revision; a guide whose
 * newer files were refused adds the refused revision, since its answer then also carries
 * why. The list's tag is a hash of its guides' tags.
 */
final class GuideTags {

	private GuideTags() {
	}

	/** The tag of one guide, null when it never loaded. */
	static String of(GuideState state) {
		if (state.active() == null) {
			return null;
		}
		String revision = state.active().revision();
		return (state.refusedRevision() == null) ? revision : revision + "-refused-" + state.refusedRevision();
	}

	static String ofList(Collection<GuideState> states) {
		StringBuilder all = new StringBuilder();
		states.forEach((state) -> all.append(state.id()).append('=').append(of(state)).append('\n'));
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(all.toString().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 8);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JVM", ex);
		}
	}

}
