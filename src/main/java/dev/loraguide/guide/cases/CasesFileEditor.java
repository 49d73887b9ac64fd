package dev.loraguide.guide.cases;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Rewrites wanted values in a cases file's text in place: only the characters of each
 * value change, so the file keeps its comments, order, flow or block style and blank
 * lines.
 */
final class CasesFileEditor {

	private static final Pattern PLAIN = Pattern.compile("[A-Za-z][A-Za-z0-9 _().-]*[A-Za-z0-9_().]|[A-Za-z]");

	private final String text;

	private final List<Edit> edits = new ArrayList<>();

	private final Node root;

	CasesFileEditor(String text) {
		this.text = text;
		this.root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(text));
	}

	/**
	 * Sets the wanted value of {@code field} in the case at {@code caseIndex} (file
	 * order).
	 */
	void set(int caseIndex, CaseField field, Object value) {
		YamlNodes yaml = YamlNodes.of(GuideCases.FILE);
		Node list = yaml.entries(this.root).get("cases").getValueNode();
		Node item = ((SequenceNode) list).getValue().get(caseIndex);
		NodeTuple entry = yaml.entries(yaml.entries(item).get("want").getValueNode()).get(field.key());
		Node node = entry.getValueNode();
		int start = offset(node.getStartMark().getIndex());
		int end = offset(node.getEndMark().getIndex());
		while (end > start && Character.isWhitespace(this.text.charAt(end - 1))) {
			end--;
		}
		this.edits.add(new Edit(start, end, yaml(value)));
	}

	/** The text with every value set. */
	String text() {
		StringBuilder edited = new StringBuilder(this.text);
		this.edits.stream()
			.sorted(Comparator.comparingInt(Edit::start).reversed())
			.forEach((edit) -> edited.replace(edit.start(), edit.end(), edit.replacement()));
		return edited.toString();
	}

	/** SnakeYAML counts code points; Java strings count UTF-16 units. */
	private int offset(int codePoints) {
		return this.text.offsetByCodePoints(0, codePoints);
	}

	/** A value as a guide author writes it in a cases file. */
	static String yaml(Object value) {
		if (value == null) {
			return "null";
		}
		if (value instanceof Double number) {
			return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
		}
		if (value instanceof Number || value instanceof Boolean) {
			return value.toString();
		}
		if (value instanceof Map<?, ?> map) {
			return map.entrySet()
				.stream()
				.map((e) -> e.getKey() + ": " + yaml(e.getValue()))
				.collect(Collectors.joining(", ", "{ ", " }"));
		}
		if (value instanceof List<?> list) {
			return list.stream().map(CasesFileEditor::yaml).collect(Collectors.joining(", ", "[", "]"));
		}
		String string = value.toString();
		boolean plain = PLAIN.matcher(string).matches()
				&& string.equals(new Yaml(new SafeConstructor(new LoaderOptions())).load(string));
		return plain ? string : "\"" + string.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
	}

	private record Edit(int start, int end, String replacement) {
	}

}
