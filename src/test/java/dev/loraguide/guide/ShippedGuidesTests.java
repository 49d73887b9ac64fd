package dev.loraguide.guide;

import dev.loraguide.guide.cases.GuideCases;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guides shipped in {@code rules/} pass the validation gate, and every case of their
 * cases files passes: one test per case, named by its note.
 */
class ShippedGuidesTests {

	private static final GuideLoader loader = new GuideLoader(
			new GuideCompiler(Integer.parseInt(GuidesProperties.MAX_RULE_FIRINGS)));

	private static final List<Guide> loaded = new ArrayList<>();

	@TestFactory
	Stream<DynamicNode> everyShippedGuidePassesItsCases() throws GuideRefusedException {
		List<DynamicNode> guides = new ArrayList<>();
		for (Path folder : GuideFolders.in(RulesFolder.SHIPPED)) {
			GuideSource source = GuideSource.read(folder);
			Guide guide = loader.load(source);
			loaded.add(guide);
			GuideCases cases = GuideCases.of(source);
			Stream<DynamicNode> tests = Stream.concat(
					Stream.of(DynamicTest.dynamicTest("has cases", () -> assertThat(cases.size()).isPositive())),
					cases.cases()
						.stream()
						.map((guideCase) -> DynamicTest.dynamicTest(guideCase.note(),
								() -> assertThat(new GuideCases(List.of(guideCase)).run(source, guide.rules()))
									.isEmpty())));
			guides.add(DynamicContainer.dynamicContainer(source.id(), tests));
		}
		assertThat(guides).extracting(DynamicNode::getDisplayName).contains("flux-lora", "legacy-defaults");
		return guides.stream();
	}

	@AfterAll
	static void disposeGuides() {
		loaded.forEach((guide) -> guide.rules().dispose());
	}

}
