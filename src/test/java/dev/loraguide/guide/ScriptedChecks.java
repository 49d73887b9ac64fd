package dev.loraguide.guide;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

/**
 * Check processes that stand for {@code java … check}: shell scripts that take the
 * check's arguments, ignore them, count their runs in one file and print a prepared
 * report, so a test sees whether and how often a gate started a check process.
 */
final class ScriptedChecks {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Path folder;

	private final Path runs;

	/** Scripts and reports go in this folder; runs are counted in it too. */
	ScriptedChecks(Path folder) {
		this.folder = folder;
		this.runs = folder.resolve("runs.txt");
	}

	/** A check that reports this verdict with this exit status. */
	CheckCommandLine reporting(GuideVerdict verdict, int status) throws IOException {
		return script("cat '" + report(verdict) + "'\nexit " + status + "\n");
	}

	/**
	 * A check that reports this verdict once the file {@code release} exists: it stands
	 * for a check under way for as long as a test needs.
	 */
	CheckCommandLine reportingOnceReleased(GuideVerdict verdict, int status, Path release) throws IOException {
		return script("while [ ! -e '" + release + "' ]; do sleep 0.05; done\ncat '" + report(verdict) + "'\nexit "
				+ status + "\n");
	}

	/** A check process that reports nothing, so its guide is refused. */
	CheckCommandLine mustNotRun() throws IOException {
		return script("exit 2\n");
	}

	/** How many check processes ran. */
	int runs() throws IOException {
		return Files.exists(this.runs) ? Files.readAllLines(this.runs).size() : 0;
	}

	private Path report(GuideVerdict verdict) throws IOException {
		Path report = Files.createTempFile(this.folder, "report-", ".json");
		JSON.writeValue(report.toFile(), new GuideVerdict.Report(List.of(verdict)));
		return report;
	}

	private CheckCommandLine script(String body) throws IOException {
		Path script = Files.createTempFile(this.folder, "check-", ".sh");
		Files.writeString(script, "#!/bin/sh\necho run >> '" + this.runs + "'\n" + body);
		Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
		return new CheckCommandLine(script, "unused", List.of("check"));
	}

}
