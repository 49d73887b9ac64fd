package dev.loraguide.guide;

import dev.loraguide.system.Revision;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A guide may import only the service's fact types and may not reach for the process,
 * threads, reflection, files or the network; each refusal points at the file, line and
 * column.
 */
class GuideGuardrailsTests {

	private static final String HEADER = """
			// A guide that tries something it should not.
			package guides.test;

			import dev.loraguide.guide.fact.ActorDataset;
			import dev.loraguide.guide.fact.TrainingPlan;

			""";

	@ParameterizedTest(name = "{0} is refused")
	@CsvSource(delimiter = '|', textBlock = """
			System           | System.exit( 1 );                                                | System
			Runtime          | Runtime.getRuntime().exec( "rm -rf /" );                         | Runtime
			Thread           | new Thread( () -> {} ).start();                                  | Thread
			ProcessBuilder   | new ProcessBuilder( "sh" ).start();                              | ProcessBuilder
			java.lang.reflect | java.lang.reflect.Method m = null;                              | reflection
			Class.forName    | Class.forName( "java.lang.Runtime" );                            | reflection
			getClass         | $plan.getClass().getDeclaredFields();                            | reflection
			class literals   | Object c = String.class;                                         | reflection
			class loaders    | ClassLoader.getSystemClassLoader();                              | reflection
			java.io          | new java.io.File( "/etc/passwd" ).delete();                      | java.io
			java.nio         | java.nio.file.Files.delete( java.nio.file.Path.of( "/tmp/x" ) ); | java.nio
			java.net         | new java.net.URL( "http://example.com" ).openStream();           | java.net
			""")
	void refusesUseInAConsequence(String api, String statement, String named) {
		String drl = HEADER + """
				rule "Does something it should not"
				when
				    $plan : TrainingPlan()
				then
				    %s
				end
				""".formatted(statement);

		List<GuideProblem> problems = GuideGuardrails.check(guide(drl));

		assertThat(problems).isNotEmpty();
		assertThat(problems).first().satisfies((problem) -> {
			assertThat(problem.file()).isEqualTo("rules.drl");
			assertThat(problem.line()).isEqualTo(11);
			assertThat(problem.column()).isPositive();
			assertThat(problem.message()).startsWith(named).contains("is not allowed in a guide");
		});
	}

	@ParameterizedTest(name = "import {0} is refused")
	@CsvSource({ "java.util.List", "java.io.File", "java.lang.System", "java.lang.reflect.*",
			"org.springframework.context.ApplicationContext", "static java.lang.System.exit",
			"dev.loraguide.guide.GuideRegistry", "dev.loraguide.guide.*", "dev.loraguide.recommend.Recommender" })
	void refusesImportsOtherThanFactTypes(String imported) {
		String drl = HEADER + "import " + imported + ";\n";

		assertThat(GuideGuardrails.check(guide(drl))).singleElement().satisfies((problem) -> {
			assertThat(problem.line()).isEqualTo(7);
			assertThat(problem.message()).startsWith("import " + imported.replace("static ", ""));
		});
	}

	@Test
	void allowsFactTypesMathAndWordsInCommentsAndStrings() {
		String drl = HEADER + """
				import dev.loraguide.guide.fact.FileSizeEstimate;
				// System, Thread and java.io are fine in a comment.
				/* So is Runtime.getRuntime() in a block comment. */
				rule "Warn about the System: Thread count"
				when
				    $plan : TrainingPlan( $steps : maxTrainSteps != null )
				then
				    $plan.addWarning( "note", "The System says: see java.io docs, or String.class" );
				    $plan.setWarmupSteps( (int) Math.round( $steps * 0.2 ) );
				end
				""";

		assertThat(GuideGuardrails.check(guide(drl))).isEmpty();
	}

	@Test
	void shippedGuidesPassTheGuardrails() {
		assertThat(GuideFolders.in(RulesFolder.SHIPPED))
			.allSatisfy((folder) -> assertThat(GuideGuardrails.check(GuideSource.read(folder))).isEmpty());
	}

	@Test
	void refusedGuideIsNeverCompiled() {
		GuideLoader loader = new GuideLoader(new GuideCompiler(100) {
			@Override
			public synchronized CompiledRules compile(GuideSource source) {
				throw new AssertionError("a guide that breaks the guardrails must not be compiled");
			}
		});
		String drl = HEADER + "rule \"Exit\" when then System.exit( 1 ); end\n";

		GuideValidation validation = loader.validate(guide(drl), Duration.ofMillis(1), (doing) -> {
		});

		assertThat(validation.problems()).extracting(GuideProblem::message)
			.singleElement()
			.asString()
			.startsWith("System is not allowed");
	}

	private static GuideSource guide(String drl) {
		Map<String, String> files = new TreeMap<>(Map.of("rules.drl", drl));
		return new GuideSource("test", Path.of("test"), new TreeMap<>(files), Revision.of(new TreeMap<>(files)));
	}

}
