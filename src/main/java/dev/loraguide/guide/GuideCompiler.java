package dev.loraguide.guide;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;

/**
 * Compiles a guide's DRL files into {@link CompiledRules}, or reports every error with
 * its file, line and column. Each build gets its own ReleaseId so that no two revisions,
 * and no two guides, share a KieModule in the engine's repository.
 */
public class GuideCompiler {

	private static final String RESOURCES = "src/main/resources/";

	private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)", Pattern.MULTILINE);

	/**
	 * Parser errors say {@code Line 14:35}; MVEL constraint errors say
	 * {@code [Line: 7, Column: 4]}.
	 */
	private static final Pattern PARSER_POSITION = Pattern.compile("Line (\\d+):(\\d+)");

	private static final Pattern MVEL_POSITION = Pattern.compile("\\[Line: (\\d+), Column: (\\d+)]");

	private static final AtomicLong BUILDS = new AtomicLong();

	private final int maxRuleFirings;

	public GuideCompiler(int maxRuleFirings) {
		this.maxRuleFirings = maxRuleFirings;
	}

	/**
	 * Builds one guide revision. Synchronized because the engine's repository and class
	 * loading are shared state; builds are rare, so one at a time costs nothing.
	 */
	public synchronized CompiledRules compile(GuideSource source) throws GuideRefusedException {
		Map<String, String> drlFiles = source.ruleFiles();
		if (drlFiles.isEmpty()) {
			throw new GuideRefusedException(source.id(), List.of(GuideProblem.of("the folder holds no .drl file")));
		}
		KieServices kie = KieServices.get();
		ReleaseId releaseId = kie.newReleaseId("dev.loraguide.guides", source.id(), "1.0." + BUILDS.incrementAndGet());
		KieFileSystem files = kie.newKieFileSystem();
		files.generateAndWritePomXML(releaseId);
		Map<String, String> fileByEnginePath = new HashMap<>();
		drlFiles.forEach((name, content) -> {
			String enginePath = packageFolder(content) + name;
			fileByEnginePath.put(enginePath, name);
			files.write(RESOURCES + enginePath, content);
		});
		ClassLoader factClasses = GuideCompiler.class.getClassLoader();
		KieBuilder builder = kie.newKieBuilder(files, factClasses).buildAll();
		List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
		if (!errors.isEmpty()) {
			kie.getRepository().removeKieModule(releaseId);
			throw new GuideRefusedException(source.id(), problems(errors, fileByEnginePath));
		}
		KieContainer container = kie.newKieContainer(releaseId, factClasses);
		return new CompiledRules(container, releaseId, this.maxRuleFirings);
	}

	private static String packageFolder(String drl) {
		Matcher matcher = PACKAGE.matcher(drl);
		return matcher.find() ? matcher.group(1).replace('.', '/') + "/" : "";
	}

	private static List<GuideProblem> problems(List<Message> errors, Map<String, String> fileByEnginePath) {
		List<GuideProblem> problems = new ArrayList<>();
		for (Message error : errors) {
			String file = fileByEnginePath.getOrDefault(error.getPath(), error.getPath());
			int line = error.getLine();
			int column = 0;
			Matcher parser = PARSER_POSITION.matcher(error.getText());
			Matcher mvel = MVEL_POSITION.matcher(error.getText());
			if (parser.find()) {
				line = Integer.parseInt(parser.group(1));
				column = Integer.parseInt(parser.group(2)) + 1;
			}
			else if (mvel.find()) {
				column = Integer.parseInt(mvel.group(2)) + 1;
			}
			problems.add(new GuideProblem(file, Math.max(line, 0), column, error.getText().strip()));
		}
		boolean locatedErrors = problems.stream().anyMatch((problem) -> problem.line() > 0);
		if (locatedErrors) {
			// "Parser returned a null Package" follows every syntax error and points
			// nowhere.
			problems.removeIf((problem) -> problem.line() == 0);
		}
		return problems;
	}

}
