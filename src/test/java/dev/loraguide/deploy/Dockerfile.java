package dev.loraguide.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The instructions of a Dockerfile, continuation lines joined and comments dropped,
 * enough to check what the image that runs (the last stage) is made of.
 *
 * @param instructions every instruction in file order
 */
record Dockerfile(List<Instruction> instructions) {

	static Dockerfile read(Path file) {
		List<Instruction> instructions = new ArrayList<>();
		StringBuilder pending = new StringBuilder();
		for (String line : DeployFiles.text(file).lines().toList()) {
			String stripped = line.strip();
			if (stripped.startsWith("#") || (stripped.isEmpty() && pending.isEmpty())) {
				continue;
			}
			if (stripped.endsWith("\\")) {
				pending.append(stripped, 0, stripped.length() - 1).append(' ');
				continue;
			}
			pending.append(stripped);
			String[] keywordAndArguments = pending.toString().split("\\s+", 2);
			instructions.add(new Instruction(keywordAndArguments[0].toUpperCase(Locale.ROOT),
					(keywordAndArguments.length > 1) ? keywordAndArguments[1] : ""));
			pending.setLength(0);
		}
		return new Dockerfile(List.copyOf(instructions));
	}

	/** The instructions of the last stage, the image that is shipped. */
	List<Instruction> finalStage() {
		int lastFrom = 0;
		for (int i = 0; i < this.instructions.size(); i++) {
			if (this.instructions.get(i).keyword().equals("FROM")) {
				lastFrom = i;
			}
		}
		return this.instructions.subList(lastFrom, this.instructions.size());
	}

	List<String> finalStage(String keyword) {
		return finalStage().stream()
			.filter((instruction) -> instruction.keyword().equals(keyword))
			.map(Instruction::arguments)
			.toList();
	}

	/** {@code ENV NAME=value ...} of the last stage. */
	Map<String, String> environment() {
		Map<String, String> variables = new LinkedHashMap<>();
		for (String arguments : finalStage("ENV")) {
			for (String assignment : arguments.split("\\s+")) {
				String[] nameAndValue = assignment.split("=", 2);
				variables.put(nameAndValue[0], (nameAndValue.length > 1) ? nameAndValue[1] : "");
			}
		}
		return variables;
	}

	record Instruction(String keyword, String arguments) {
	}

}
