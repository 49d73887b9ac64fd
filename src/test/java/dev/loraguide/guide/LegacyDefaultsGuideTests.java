package dev.loraguide.guide;

import dev.loraguide.guide.fact.TrainingParameters;
import dev.loraguide.guide.fact.ActorDataset;
import dev.loraguide.guide.fact.ParameterOverrides;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The legacy-defaults guide holds the older defaults of the guide page, for every image
 * count.
 */
class LegacyDefaultsGuideTests {

	private static Guide guide;

	@BeforeAll
	static void loadGuide() {
		guide = ShippedGuides.load("legacy-defaults");
	}

	@ParameterizedTest(name = "{0} images train {1} epochs on the legacy defaults")
	@CsvSource({ "1, 200", "15, 13", "23, 9", "75, 3", "100000, 1" })
	void everyImageCountGetsTheSameDefaults(int imageCount, int epochs) {
		Evaluation evaluation = guide.evaluate(ActorDataset.ofImages(imageCount), ParameterOverrides.NONE);
		assertThat(evaluation.presetId()).isEqualTo("legacy");
		assertThat(evaluation.parameters())
			.isEqualTo(new TrainingParameters(2000, 0.0004, 32, 16, 10, epochs, 0, "constant"));
	}

	@Test
	void legacyGuideGivesNoCurationWarning() {
		assertThat(guide.evaluate(ActorDataset.ofImages(75), ParameterOverrides.NONE).warnings()).isEmpty();
	}

	@Test
	void presetTableHasOneOpenEndedRow() {
		assertThat(guide.presetTable().rows()).singleElement()
			.satisfies((row) -> assertThat(row.fromImages()).isEqualTo(1))
			.satisfies((row) -> assertThat(row.toImages()).isNull());
	}

}
