package dev.loraguide.guide.cases;

import dev.loraguide.guide.GuideProblem;
import dev.loraguide.guide.GuideRefusedException;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * One YAML file of a guide read as nodes, so that a problem can point at the line and
 * column where a value was written.
 */
public final class YamlNodes {

	private final String file;

	private final Values values = new Values();

	private YamlNodes(String file) {
		this.file = file;
	}

	/**
	 * Parses {@code text}; returns null for an empty file.
	 * @throws GuideRefusedException when the text is not YAML, pointing at the error
	 */
	static Node parse(String guideId, String file, String text) throws GuideRefusedException {
		try {
			return new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(text));
		}
		catch (MarkedYAMLException ex) {
			throw new GuideRefusedException(guideId, List.of(problemOf(file, ex)));
		}
	}

	/** A YAML syntax error as a problem at the place the parser gave up. */
	public static GuideProblem problemOf(String file, MarkedYAMLException ex) {
		Mark mark = (ex.getProblemMark() != null) ? ex.getProblemMark() : ex.getContextMark();
		String context = (ex.getContext() != null) ? ex.getContext() + ": " : "";
		return new GuideProblem(file, (mark != null) ? mark.getLine() + 1 : 0,
				(mark != null) ? mark.getColumn() + 1 : 0, "not valid YAML: " + context + ex.getProblem());
	}

	static YamlNodes of(String file) {
		return new YamlNodes(file);
	}

	/**
	 * The entries of a mapping by key, in file order; null when the node is not a
	 * mapping.
	 */
	Map<String, NodeTuple> entries(Node node) {
		if (!(node instanceof MappingNode mapping)) {
			return null;
		}
		Map<String, NodeTuple> entries = new LinkedHashMap<>();
		for (NodeTuple tuple : mapping.getValue()) {
			if (tuple.getKeyNode() instanceof ScalarNode key) {
				entries.put(key.getValue(), tuple);
			}
		}
		return entries;
	}

	/**
	 * The plain Java value of a node: String, Integer, Double, Boolean, List, Map or
	 * null.
	 */
	Object value(Node node) {
		return this.values.of(node);
	}

	FilePosition positionOf(Node node) {
		Mark mark = node.getStartMark();
		return new FilePosition(this.file, mark.getLine() + 1, mark.getColumn() + 1);
	}

	/**
	 * Exposes SnakeYAML's safe construction of one node, which its public API offers only
	 * per document.
	 */
	private static final class Values extends SafeConstructor {

		Values() {
			super(new LoaderOptions());
		}

		Object of(Node node) {
			return constructObject(node);
		}

	}

}
