package dev.loraguide.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * YAML files as SnakeYAML reads them, and a walk through their nested mappings and lists.
 */
final class YamlTree {

	private YamlTree() {
	}

	static List<Object> yamlDocuments(Path file) {
		try (Reader reader = Files.newBufferedReader(file)) {
			List<Object> documents = new ArrayList<>();
			new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(reader).forEach(documents::add);
			return documents;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Map<String, Object> yaml(Path file) {
		List<Object> documents = yamlDocuments(file);
		if (documents.size() != 1) {
			throw new IllegalStateException(file + " holds " + documents.size() + " YAML documents, expected one");
		}
		return map(documents.get(0));
	}

	/** The value at a path of keys through nested mappings. */
	static Object at(Object node, String... keys) {
		Object value = node;
		for (String key : keys) {
			value = map(value).get(key);
			if (value == null) {
				throw new IllegalStateException("no " + String.join(".", keys) + " in " + node);
			}
		}
		return value;
	}

	static Map<String, Object> mapAt(Object node, String... keys) {
		return map(at(node, keys));
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> map(Object value) {
		if (!(value instanceof Map)) {
			throw new IllegalStateException("expected a mapping but found " + value);
		}
		return (Map<String, Object>) value;
	}

	static List<Object> list(Object value) {
		if (!(value instanceof List<?> items)) {
			throw new IllegalStateException("expected a list but found " + value);
		}
		return new ArrayList<>(items);
	}

	static List<Map<String, Object>> maps(Object value) {
		return list(value).stream().map(YamlTree::map).toList();
	}

}
