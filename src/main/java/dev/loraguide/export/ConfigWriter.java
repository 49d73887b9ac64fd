package dev.loraguide.export;

import java.util.List;
import java.util.stream.Collectors;

import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.toml.TomlMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * The one path from a tree to a file: Jackson's TOML, YAML and JSON writers quote and
 * escape every value, so no text of a recommendation can break out of its string. The
 * only text added by hand is the provenance note on top, one {@code # } line per
 * {@link InertText inert} line (JSON has no comments; its note is in the tree), and, for
 * the launch script, the command quoted by {@link PosixShell}.
 */
final class ConfigWriter {

	static final String SCRIPT_FILE = "train.sh";

	static final String SCRIPT_MEDIA_TYPE = "text/x-shellscript";

	private final ObjectMapper toml = TomlMapper.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

	private final ObjectMapper yaml = YAMLMapper.builder()
		.enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
		.disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
		.disable(YAMLWriteFeature.SPLIT_LINES)
		.build();

	private final ObjectMapper json = JsonMapper.builder()
		.enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
		.enable(SerializationFeature.INDENT_OUTPUT)
		.build();

	ExportFile write(ConfigDocument document, List<String> note) {
		String content = switch (document.syntax()) {
			case TOML -> comment(note) + "\n" + this.toml.writeValueAsString(document.tree());
			case YAML -> comment(note) + "\n" + this.yaml.writeValueAsString(document.tree());
			case JSON -> this.json.writeValueAsString(document.tree()) + "\n";
		};
		return new ExportFile(document.path(), document.syntax().mediaType(), content);
	}

	/** The launch script: the same command as the answer's, one option per line. */
	ExportFile script(List<String> command, List<String> note) {
		return new ExportFile(SCRIPT_FILE, SCRIPT_MEDIA_TYPE,
				"#!/bin/sh\n" + comment(note) + "\nset -e\n" + PosixShell.script(command));
	}

	private static String comment(List<String> note) {
		return note.stream().map((line) -> "# " + line + "\n").collect(Collectors.joining());
	}

}
