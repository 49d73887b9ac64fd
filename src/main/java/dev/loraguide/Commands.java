package dev.loraguide;

import java.util.Set;

import dev.loraguide.export.ExportCommand;
import dev.loraguide.guide.GuideCheck;
import dev.loraguide.guide.GuideDiffCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import org.springframework.boot.logging.LoggingSystem;

/**
 * The jar's offline commands, for ML leads, hooks and pipelines without a server. Without
 * a command the jar starts the service. Each command answers {@code --help}, prints
 * errors to stderr and documents its exit codes.
 */
@Command(name = "java -jar lora-guide.jar", mixinStandardHelpOptions = true,
		description = "Without a command: starts the service. With one: runs it offline and exits.",
		subcommands = { GuideCheck.class, GuideDiffCommand.class, ExportCommand.class, CommandLine.HelpCommand.class })
final class Commands {

	private Commands() {
	}

	/** Whether the arguments ask for a command rather than the service. */
	static boolean isCommand(String[] args) {
		return args.length > 0 && (Set.of("--help", "-h", "--version", "-V").contains(args[0])
				|| commandLine().getSubcommands().containsKey(args[0]));
	}

	/** Runs a command and returns its exit status. */
	static int execute(String[] args) {
		// Quiets the engine's logging as Boot does before it starts: a command prints all
		// it has to say.
		LoggingSystem.get(Commands.class.getClassLoader()).beforeInitialize();
		return commandLine().execute(args);
	}

	private static CommandLine commandLine() {
		return new CommandLine(new Commands()).setCaseInsensitiveEnumValuesAllowed(true);
	}

}
