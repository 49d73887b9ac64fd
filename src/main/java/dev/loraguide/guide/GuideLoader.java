package dev.loraguide.guide;

import java.util.List;

import org.yaml.snakeyaml.error.YAMLException;

/**
 * Turns a guide folder's files into a {@link Guide} that is safe to serve, or refuses it. A
 * revision is refused when it does not compile, or when some image count gets no preset or more
 * than one.
 */
public class GuideLoader {

	private final GuideCompiler compiler;

	public GuideLoader(GuideCompiler compiler) {
		this.compiler = compiler;
	}

	public Guide load(GuideSource source) throws GuideRejectedException {
		String description = description(source);
		CompiledRules rules = this.compiler.compile(source);
		PresetTable presetTable;
		try {
			presetTable = PresetTable.derive(rules);
		}
		catch (RuntimeException ex) {
			rules.dispose();
			throw new GuideRejectedException(source.id(), List.of(GuideProblem.of(ex.getMessage())));
		}
		if (!presetTable.problems().isEmpty()) {
			rules.dispose();
			throw new GuideRejectedException(source.id(), presetTable.problems());
		}
		return new Guide(source, description, rules, presetTable);
	}

	private static String description(GuideSource source) throws GuideRejectedException {
		try {
			return source.description();
		}
		catch (YAMLException ex) {
			throw new GuideRejectedException(source.id(),
					List.of(new GuideProblem(GuideSource.METADATA_FILE, 0, 0, ex.getMessage())));
		}
	}

}
