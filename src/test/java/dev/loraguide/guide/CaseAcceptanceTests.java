package dev.loraguide.guide;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import dev.loraguide.guide.cases.GuideCases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code check --accept} takes an edit of the rules into the cases: it rewrites the
 * wanted values of exactly the cases the edit changed, in place, and leaves every other
 * line of the file alone. Here the guide before the edit is a folder ({@code --against});
 * the git baseline is exercised by {@link EditFlowTests}.
 */
class CaseAcceptanceTests {

	@TempDir
	Path dir;

	private Path before;

	private Path edited;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final StringWriter err = new StringWriter();

	@BeforeEach
	void editPresetB() {
		RulesFolder rules = RulesFolder.copyInto(this.dir);
		this.before = rules.guide("flux-lora");
		this.edited = rules.copyGuide("flux-lora", "edited");
		RulesFolder.replace(this.edited.resolve("presets.drl"), "setLearningRate( 0.00025 )",
				"setLearningRate( 0.0002 )");
	}

	@Test
	void rewritesTheWantedValuesTheEditChangedAndNothingElse() {
		List<String> original = lines();

		assertThat(accept()).isEqualTo(GuideCheck.PASSED);

		List<String> now = lines();
		List<Integer> changed = IntStream.range(0, original.size())
			.filter((i) -> !original.get(i).equals(now.get(i)))
			.boxed()
			.toList();
		assertThat(now).hasSameSizeAs(original);
		assertThat(changed).hasSize(4)
			.allSatisfy((i) -> assertThat(now.get(i)).isEqualTo(original.get(i).replace("0.00025", "0.0002")));
		assertThat(stdout())
			.contains("case \"Preset B in the middle, 23 images (epochs 2000 / 46 = 43)\": "
					+ "learningRate 0.00025 → 0.0002")
			.contains("4 cases rewritten");
		assertThat(check()).isEqualTo(GuideCheck.PASSED);
	}

	@Test
	void caseThatFailsForAnotherReasonIsLeftAsIs() {
		RulesFolder.replace(this.edited.resolve(GuideCases.FILE),
				"want: { preset: B, maxTrainSteps: 2000, learningRate: 0.00025, epochs: 43, warmupSteps: 400 }",
				"want: { preset: B, maxTrainSteps: 2000, learningRate: 0.00025, epochs: 44, warmupSteps: 400 }");

		accept();

		assertThat(RulesFolder.read(this.edited.resolve(GuideCases.FILE)))
			.contains("want: { preset: B, maxTrainSteps: 2000, learningRate: 0.00025, epochs: 44, warmupSteps: 400 }");
		assertThat(stdout()).contains("left as is, it fails on the baseline too").contains("3 cases rewritten");
		assertThat(check()).isEqualTo(GuideCheck.FAILED);
	}

	@Test
	void guideWithoutEditIsNotRewritten() {
		String original = RulesFolder.read(this.before.resolve(GuideCases.FILE));

		GuideCheck.accept(this.before, this.before, new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintWriter(this.err, true));

		assertThat(RulesFolder.read(this.before.resolve(GuideCases.FILE))).isEqualTo(original);
		assertThat(stdout()).contains("0 cases rewritten");
	}

	@Test
	void baselineThatIsNotAFolderIsAUsageError() {
		int status = GuideCheck.accept(this.edited, this.dir.resolve("nope"),
				new PrintStream(this.out, true, StandardCharsets.UTF_8), new PrintWriter(this.err, true));

		assertThat(status).isEqualTo(GuideCheck.USAGE);
		assertThat(this.err.toString()).contains("nope is not a folder");
	}

	private int accept() {
		return GuideCheck.accept(this.edited, this.before, new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintWriter(this.err, true));
	}

	private int check() {
		return GuideCheck.check(this.edited, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
				new PrintWriter(new StringWriter(), true));
	}

	private List<String> lines() {
		return RulesFolder.read(this.edited.resolve(GuideCases.FILE)).lines().toList();
	}

	private String stdout() {
		return this.out.toString(StandardCharsets.UTF_8);
	}

}
