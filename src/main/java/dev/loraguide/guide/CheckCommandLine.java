package dev.loraguide.guide;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How to start the {@code check} command in a new JVM from this one: the same Java, the
 * same class path, and the entry point that fits how the service was started. From a
 * packaged jar ({@code java -jar lora-guide.jar}, or the container's extracted layers)
 * the classes sit behind Spring Boot's launcher, which then runs the {@code check}
 * command; from a plain class path ({@code spring-boot:run}, tests)
 * {@link GuideCheck#main} runs directly.
 *
 * @param java the {@code java} executable of this JVM
 * @param classPath this JVM's class path
 * @param entryPoint main class and leading arguments that run {@code check}
 */
record CheckCommandLine(Path java, String classPath, List<String> entryPoint) {

	private static final String BOOT_LAUNCHER = "org.springframework.boot.loader.launch.JarLauncher";

	CheckCommandLine {
		entryPoint = List.copyOf(entryPoint);
	}

	static CheckCommandLine ofThisProcess() {
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		String classPath = System.getProperty("java.class.path");
		boolean packaged = GuideCheck.class.getClassLoader()
			.getClass()
			.getName()
			.startsWith("org.springframework.boot.loader");
		List<String> entryPoint = packaged ? List.of(BOOT_LAUNCHER, "check") : List.of(GuideCheck.class.getName());
		return new CheckCommandLine(java, classPath, entryPoint);
	}

	/** The command that checks one guide folder within the gate's bounds. */
	List<String> command(GuidesProperties.Gate gate, int maxRuleFirings, Path folder) {
		List<String> command = new ArrayList<>();
		command.add(this.java.toString());
		command.add("-Xmx" + gate.heap().toMegabytes() + "m");
		// One compiler tier and a serial collector: a check is short and the machine's
		// cores belong to the service.
		command.add("-XX:TieredStopAtLevel=1");
		command.add("-XX:+UseSerialGC");
		command.add("-XX:-UsePerfData");
		command.add("-Djava.awt.headless=true");
		command.add("-cp");
		command.add(this.classPath);
		command.addAll(this.entryPoint);
		command.add("--format=json");
		command.add("--time-limit=" + gate.timeLimit().toMillis() + "ms");
		command.add("--p99-budget=" + gate.p99Budget().toNanos() + "ns");
		command.add("--max-file-size=" + gate.maxFileSize().toBytes() + "B");
		command.add("--max-rule-firings=" + maxRuleFirings);
		command.add(folder.toString());
		return command;
	}

}
