package dev.loraguide.export;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What each exported file says of itself: the guide, revision and recommendation it came
 * from, and every lossy mapping. Every line is {@link InertText inert}, so whatever an
 * actor's name holds it stays on its line.
 */
final class ProvenanceNote {

	private ProvenanceNote() {
	}

	static List<String> lines(TrainerFormat format, ExportSource source, List<LossyMapping> lossy) {
		List<String> lines = new ArrayList<>();
		lines.add(InertText.of("Exported by lora-guide for " + format.id() + " from guide " + source.guideId()
				+ ", revision " + source.guideRevision() + ", recommendation "
				+ ((source.recommendationId() != null) ? source.recommendationId() : "none (evaluated offline)")
				+ "."));
		if (lossy.isEmpty()) {
			lines.add("Lossy mappings: none, " + format.id() + " takes every parameter as the guide gave it.");
		}
		else {
			lines.add("Lossy mappings (where " + format.id() + " cannot take what the guide said):");
			lines.addAll(lossyLines(lossy));
		}
		return List.copyOf(lines);
	}

	/** One inert line per lossy mapping. */
	static List<String> lossyLines(List<LossyMapping> lossy) {
		return lossy.stream()
			.map((mapping) -> InertText.of("- " + mapping.parameter() + ": guide " + text(mapping.wanted())
					+ ", written " + ((mapping.written() != null) ? text(mapping.written()) : "nothing") + ". "
					+ mapping.reason() + "."))
			.toList();
	}

	private static String text(Object value) {
		if (value instanceof Double number) {
			return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
		}
		return (value instanceof String string) ? "'" + string + "'" : String.valueOf(value);
	}

}
