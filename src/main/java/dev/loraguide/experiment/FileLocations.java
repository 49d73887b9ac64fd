package dev.loraguide.experiment;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.util.TokenBufferReadContext;

/**
 * Where each field of a YAML document starts, by path
 * ({@code experiments[0].variants[1].weight}), so that a problem found after binding
 * still points at its line and column. A field's place is its key's, an element's its
 * first token's.
 */
final class FileLocations {

	private final Map<String, Position> positions;

	private FileLocations(Map<String, Position> positions) {
		this.positions = Map.copyOf(positions);
	}

	static final FileLocations NONE = new FileLocations(Map.of());

	/**
	 * Reads every token of {@code content} once.
	 * @throws tools.jackson.core.JacksonException when the content is not well formed
	 */
	static FileLocations of(ObjectMapper mapper, String content) {
		Map<String, Position> positions = new HashMap<>();
		try (JsonParser parser = mapper.createParser(content)) {
			for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
				if (!token.isStructEnd()) {
					positions.putIfAbsent(path(parser), Position.of(parser.currentTokenLocation()));
				}
			}
		}
		return new FileLocations(positions);
	}

	/** The path of the parser's current token, in the notation problems use. */
	static String path(JsonParser parser) {
		TokenStreamContext context = parser.streamReadContext();
		return parser.currentToken().isStructStart() ? path(context.getParent()) : path(context);
	}

	private static String path(TokenStreamContext context) {
		if (context == null || context.inRoot()) {
			return "";
		}
		TokenStreamContext up = context.getParent();
		if (context instanceof TokenBufferReadContext && !(up instanceof TokenBufferReadContext) && up.inObject()
				&& context.inObject() && Objects.equals(up.currentName(), context.currentName())) {
			// Binding a record buffers its fields; the buffer's outer context can stand
			// for the object its parent already is.
			up = up.getParent();
		}
		String parent = path(up);
		if (context.inArray()) {
			return parent + "[" + Math.max(context.getCurrentIndex(), 0) + "]";
		}
		String name = context.currentName();
		if (name == null) {
			return parent;
		}
		return parent.isEmpty() ? name : parent + "." + name;
	}

	/** Whether the document holds nothing but comments and blank lines. */
	boolean isEmpty() {
		return this.positions.isEmpty();
	}

	/**
	 * Where {@code path} starts or, for a field that is absent, where the nearest
	 * enclosing one does.
	 */
	Position find(String path) {
		String at = path;
		while (true) {
			Position position = this.positions.get(at);
			if (position != null || at.isEmpty()) {
				return (position != null) ? position : Position.UNKNOWN;
			}
			int cut = Math.max(at.lastIndexOf('.'), at.lastIndexOf('['));
			at = (cut > 0) ? at.substring(0, cut) : "";
		}
	}

	/**
	 * A place in the file.
	 *
	 * @param line 1-based line, 0 when unknown
	 * @param column 1-based column, 0 when unknown
	 */
	record Position(int line, int column) {

		static final Position UNKNOWN = new Position(0, 0);

		static Position of(TokenStreamLocation location) {
			return (location != null && location.getLineNr() > 0)
					? new Position(location.getLineNr(), Math.max(location.getColumnNr(), 0)) : UNKNOWN;
		}

	}

}
