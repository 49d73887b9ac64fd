package dev.loraguide.system;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.loraguide.guide.PresetRow;
import dev.loraguide.guide.ShippedGuides;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Java holds the mechanism, the guides hold the policy: no learning rate or step count of
 * a shipped guide may appear in {@code src/main/java}. Fails with {@code file:line} for
 * every hit.
 */
class GuideNumbersStayInRulesTests {

	/** A Java numeric literal: 2000, 2_000, 0.00025, 2.5e-4, 25E-5, 2000L, 0.2d. */
	private static final Pattern NUMBER = Pattern
		.compile("(?<![\\w.])(\\d[\\d_]*(?:\\.\\d+)?(?:[eE][+-]?\\d+)?)[dDfFlL]?(?![\\w.])");

	@Test
	void noGuideLearningRateOrStepCountAppearsInJava() throws IOException {
		Set<BigDecimal> guideNumbers = guideNumbers();
		assertThat(guideNumbers).isNotEmpty();
		List<String> hits = new ArrayList<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".java")).toList()) {
				List<String> lines = Files.readAllLines(file);
				for (int i = 0; i < lines.size(); i++) {
					Matcher literal = NUMBER.matcher(lines.get(i));
					while (literal.find()) {
						BigDecimal value = new BigDecimal(literal.group(1).replace("_", ""));
						if (guideNumbers.stream().anyMatch((number) -> number.compareTo(value) == 0)) {
							hits.add(file + ":" + (i + 1) + ": " + lines.get(i).strip());
						}
					}
				}
			}
		}
		assertThat(hits).as("guide numbers belong in rules/, not Java").isEmpty();
	}

	/**
	 * Learning rates and step counts, as the shipped guides themselves recommend them.
	 */
	private static Set<BigDecimal> guideNumbers() throws IOException {
		Set<BigDecimal> numbers = new LinkedHashSet<>();
		try (Stream<Path> folders = Files.list(ShippedGuides.RULES)) {
			for (Path folder : folders.filter(Files::isDirectory).toList()) {
				for (PresetRow row : ShippedGuides.load(folder.getFileName().toString()).presetTable().rows()) {
					numbers.add(BigDecimal.valueOf(row.learningRate()));
					numbers.add(BigDecimal.valueOf(row.maxTrainSteps()));
					if (row.warmupSteps() > 0) {
						numbers.add(BigDecimal.valueOf(row.warmupSteps()));
					}
				}
			}
		}
		return numbers;
	}

}
