package dev.loraguide.experiment;

import java.util.List;
import java.util.Map;

import dev.loraguide.experiment.ExperimentLedger.MetricSummary;
import dev.loraguide.experiment.ExperimentLedger.VariantExposure;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The statistics of the results, checked against values computed independently with SciPy
 * 1.17.1 (Python) from these samples of an identity score: <pre>
 * control = [0.81, 0.84, 0.79, 0.88, 0.83, 0.86, 0.80, 0.85]
 * legacy  = [0.74, 0.79, 0.77, 0.72, 0.80, 0.75, 0.78]
 * stats.t.interval(0.95, n - 1, loc=mean, scale=stats.sem(x))       # each mean's CI
 * r = stats.ttest_ind(legacy, control, equal_var=False)             # Welch: r.pvalue, r.df
 * r.confidence_interval(0.95)                                       # CI of the difference
 * stats.chisquare([703, 297], f_exp=[700, 300])                     # sample-ratio check
 * </pre>
 */
class ResultsStatisticsTests {

	private static final double TIGHT = 1e-9;

	private static final MetricSummary CONTROL = new MetricSummary("control", "identityScore", 8, 0.8325,
			0.0009642857142857129);

	private static final MetricSummary LEGACY = new MetricSummary("legacy", "identityScore", 7, 0.7642857142857142,
			0.0008285714285714299);

	@Test
	void meanHasAStudentTConfidenceInterval() {
		MetricStatistics control = MetricStatistics.of(CONTROL);
		assertThat(control.count()).isEqualTo(8);
		assertThat(control.standardDeviation()).isCloseTo(0.031052950170405918, within(TIGHT));
		assertThat(control.ci95().lower()).isCloseTo(0.8065390839792158, within(TIGHT));
		assertThat(control.ci95().upper()).isCloseTo(0.8584609160207842, within(TIGHT));
	}

	@Test
	void variantIsComparedWithTheControlByWelchsTTest() {
		Comparison comparison = Comparison.of(LEGACY, CONTROL);
		assertThat(comparison.difference()).isCloseTo(-0.06821428571428578, within(TIGHT));
		assertThat(comparison.pValue()).isCloseTo(0.000707898748615869, within(TIGHT));
		assertThat(comparison.degreesOfFreedom()).isCloseTo(12.940079944228385, within(TIGHT));
		assertThat(comparison.ci95().lower()).isCloseTo(-0.10162172542345767, within(TIGHT));
		assertThat(comparison.ci95().upper()).isCloseTo(-0.0348068460051139, within(TIGHT));
	}

	@Test
	void aSplitCloseToTheWeightsIsNoMismatch() {
		SampleRatioCheck check = SampleRatioCheck.of(List.of(70.0, 30.0), List.of(703L, 297L));
		assertThat(check.chiSquare()).isCloseTo(0.04285714285714286, within(TIGHT));
		assertThat(check.pValue()).isCloseTo(0.8359944985248411, within(TIGHT));
		assertThat(check.mismatch()).isFalse();
	}

	@Test
	void aSplitFarFromTheWeightsIsFlagged() {
		SampleRatioCheck check = SampleRatioCheck.of(List.of(70.0, 30.0), List.of(650L, 350L));
		assertThat(check.chiSquare()).isCloseTo(11.904761904761905, within(TIGHT));
		assertThat(check.pValue()).isCloseTo(0.0005599062480061843, within(TIGHT));
		assertThat(check.mismatch()).isTrue();
	}

	@Test
	void oneOutcomeHasAMeanButNoSpread() {
		MetricStatistics single = MetricStatistics.of(new MetricSummary("control", "identityScore", 1, 0.9, null));
		assertThat(single.mean()).isEqualTo(0.9);
		assertThat(single.standardDeviation()).isNull();
		assertThat(single.ci95()).isNull();
		assertThat(Comparison.of(new MetricSummary("legacy", "identityScore", 1, 0.8, null), CONTROL).pValue())
			.isNull();
	}

	@Test
	void noActorsYetMeansNothingToTest() {
		SampleRatioCheck check = SampleRatioCheck.of(List.of(50.0, 50.0), List.of(0L, 0L));
		assertThat(check.pValue()).isNull();
		assertThat(check.mismatch()).isFalse();
	}

	@Test
	void resultsListEveryVariantAndCompareOnlyNonControlOnes() {
		Experiment experiment = LiveExperimentTests.experiment("lr-gentle-2026", 70, 30);
		ExperimentResults results = ExperimentResults.of(experiment,
				List.of(new VariantExposure("control", 703, 750), new VariantExposure("candidate", 297, 310)),
				List.of(CONTROL, new MetricSummary("candidate", "identityScore", 7, LEGACY.mean(), LEGACY.variance())));
		assertThat(results.variants()).extracting(ExperimentResults.VariantResults::name)
			.containsExactly("control", "candidate");
		assertThat(results.variants().get(0).assignments()).isEqualTo(703);
		assertThat(results.variants().get(0).comparedWithControl()).isNull();
		assertThat(results.variants().get(1).comparedWithControl()).containsOnlyKeys("identityScore");
		assertThat(results.variants().get(1).metrics().get("identityScore").count()).isEqualTo(7);
		assertThat(results.sampleRatio().pValue()).isCloseTo(0.8359944985248411, within(TIGHT));
	}

	@Test
	void aVariantNobodyReachedYetShowsZeros() {
		Experiment experiment = LiveExperimentTests.experiment("lr-gentle-2026", 50, 50);
		ExperimentResults results = ExperimentResults.of(experiment, List.of(), List.of());
		assertThat(results.variants()).allSatisfy((variant) -> {
			assertThat(variant.assignments()).isZero();
			assertThat(variant.metrics()).isEqualTo(Map.of());
		});
	}

}
