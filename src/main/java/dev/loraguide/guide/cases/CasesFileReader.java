package dev.loraguide.guide.cases;

import dev.loraguide.guide.GuideProblem;
import dev.loraguide.guide.GuideRefusedException;

import dev.loraguide.guide.fact.ActorDataset;
import dev.loraguide.guide.fact.Parameter;
import dev.loraguide.guide.fact.ParameterOverrides;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a cases file, reporting every mistake in it with its line and column rather than
 * stopping at the first. The format:
 *
 * <pre>
 * cases:
 *   - note: Preset B starts at 16 images
 *     given: { imageCount: 16, actorName: Ada, overrides: { repeats: 3 } }
 *     want: { preset: B, learningRate: 0.0003, epochs: 42, warnings: [] }
 * </pre>
 */
final class CasesFileReader {

	private static final Set<String> CASE_KEYS = Set.of("note", "given", "want");

	private static final Set<String> GIVEN_KEYS = Set.of("imageCount", "actorName", "actorId", "overrides");

	private final YamlNodes yaml;

	private final List<GuideProblem> problems = new ArrayList<>();

	private CasesFileReader(YamlNodes yaml) {
		this.yaml = yaml;
	}

	static GuideCases read(String guideId, String file, String text) throws GuideRefusedException {
		Node root = YamlNodes.parse(guideId, file, text);
		if (root == null) {
			return new GuideCases(List.of());
		}
		CasesFileReader reader = new CasesFileReader(YamlNodes.of(file));
		List<GuideCase> cases = reader.cases(root);
		if (!reader.problems.isEmpty()) {
			throw new GuideRefusedException(guideId, reader.problems);
		}
		return new GuideCases(cases);
	}

	private List<GuideCase> cases(Node root) {
		Map<String, NodeTuple> top = this.yaml.entries(root);
		if (top == null || !top.containsKey("cases")) {
			problem(root, "a cases file holds one key, 'cases', with a list of cases");
			return List.of();
		}
		checkKeys(top, Set.of("cases"));
		if (!(top.get("cases").getValueNode() instanceof SequenceNode list)) {
			problem(top.get("cases").getValueNode(), "'cases' must be a list, each case starting with '- note:'");
			return List.of();
		}
		List<GuideCase> cases = new ArrayList<>();
		for (Node item : list.getValue()) {
			GuideCase guideCase = guideCase(item);
			if (guideCase != null) {
				cases.add(guideCase);
			}
		}
		return cases;
	}

	private GuideCase guideCase(Node item) {
		Map<String, NodeTuple> entries = this.yaml.entries(item);
		if (entries == null || !entries.keySet().containsAll(CASE_KEYS)) {
			problem(item, "a case needs a note, what is given and what is wanted: note, given, want");
			return null;
		}
		checkKeys(entries, CASE_KEYS);
		int before = this.problems.size();
		String note = String.valueOf(this.yaml.value(entries.get("note").getValueNode()));
		Map<String, NodeTuple> given = mapping(entries.get("given"));
		Map<String, NodeTuple> want = mapping(entries.get("want"));
		if (given == null || want == null) {
			return null;
		}
		checkKeys(given, GIVEN_KEYS);
		if (want.isEmpty()) {
			problem(entries.get("want").getValueNode(), "'want' names no part of the answer to check");
		}
		ActorDataset dataset = dataset(entries.get("given").getValueNode(), given);
		ParameterOverrides overrides = given.containsKey("overrides") ? overrides(given.get("overrides"))
				: ParameterOverrides.NONE;
		List<GuideCase.Expected> expected = expected(want);
		if (this.problems.size() > before) {
			return null;
		}
		return new GuideCase(note, dataset, overrides, expected, this.yaml.positionOf(item));
	}

	private ActorDataset dataset(Node givenNode, Map<String, NodeTuple> given) {
		if (!given.containsKey("imageCount")) {
			problem(givenNode, "'given' needs an imageCount");
			return null;
		}
		Object imageCount = value(given.get("imageCount"));
		if (!(imageCount instanceof Integer count) || count < 1) {
			problem(given.get("imageCount").getValueNode(), "imageCount must be a whole number of at least 1");
			return null;
		}
		return new ActorDataset(text(given.get("actorId")), text(given.get("actorName")), count, Map.of());
	}

	private ParameterOverrides overrides(NodeTuple overridesEntry) {
		Map<String, NodeTuple> entries = mapping(overridesEntry);
		Map<Parameter, Object> values = new EnumMap<>(Parameter.class);
		if (entries == null) {
			return ParameterOverrides.NONE;
		}
		entries.forEach((key, entry) -> {
			Parameter parameter = Arrays.stream(Parameter.values())
				.filter((p) -> p.jsonName().equals(key))
				.findFirst()
				.orElse(null);
			if (parameter == null) {
				problem(entry.getKeyNode(), "unknown override '" + key + "'; known: "
						+ Arrays.stream(Parameter.values()).map(Parameter::jsonName).collect(Collectors.joining(", ")));
				return;
			}
			Object value = value(entry);
			String mustBe = mustBe(parameter, value);
			if (mustBe != null) {
				problem(entry.getValueNode(), "override " + key + " must be " + mustBe);
				return;
			}
			values.put(parameter, (value instanceof Number number && parameter == Parameter.LEARNING_RATE)
					? number.doubleValue() : value);
		});
		return new ParameterOverrides((Integer) values.get(Parameter.MAX_TRAIN_STEPS),
				(Double) values.get(Parameter.LEARNING_RATE), (Integer) values.get(Parameter.NETWORK_DIM),
				(Integer) values.get(Parameter.NETWORK_ALPHA), (Integer) values.get(Parameter.REPEATS),
				(Integer) values.get(Parameter.EPOCHS), (Integer) values.get(Parameter.WARMUP_STEPS),
				(String) values.get(Parameter.LR_SCHEDULER));
	}

	/** What an override's value must be, or null when it fits. */
	private static String mustBe(Parameter parameter, Object value) {
		return switch (parameter) {
			case LEARNING_RATE -> (value instanceof Number) ? null : "a number";
			case LR_SCHEDULER -> (value instanceof String) ? null : "a scheduler name";
			default -> (value instanceof Integer) ? null : "a whole number";
		};
	}

	private List<GuideCase.Expected> expected(Map<String, NodeTuple> want) {
		List<GuideCase.Expected> expected = new ArrayList<>();
		want.forEach((key, entry) -> {
			CaseField field = CaseField.forKey(key);
			if (field == null) {
				problem(entry.getKeyNode(), "unknown field '" + key + "' in want; known: " + CaseField.keys());
				return;
			}
			expected.add(new GuideCase.Expected(field, field.normalized(value(entry)),
					this.yaml.positionOf(entry.getKeyNode())));
		});
		return expected;
	}

	private Map<String, NodeTuple> mapping(NodeTuple entry) {
		Map<String, NodeTuple> entries = this.yaml.entries(entry.getValueNode());
		if (entries == null) {
			problem(entry.getValueNode(),
					"'" + this.yaml.value(entry.getKeyNode()) + "' must be a mapping of names to values");
		}
		return entries;
	}

	private void checkKeys(Map<String, NodeTuple> entries, Set<String> known) {
		entries.forEach((key, entry) -> {
			if (!known.contains(key)) {
				problem(entry.getKeyNode(), "unknown key '" + key + "'; known: "
						+ known.stream().sorted().collect(Collectors.joining(", ")));
			}
		});
	}

	private Object value(NodeTuple entry) {
		return this.yaml.value(entry.getValueNode());
	}

	private String text(NodeTuple entry) {
		return (entry != null && value(entry) != null) ? String.valueOf(value(entry)) : null;
	}

	private void problem(Node node, String message) {
		this.problems.add(this.yaml.positionOf(node).problem(message));
	}

}
