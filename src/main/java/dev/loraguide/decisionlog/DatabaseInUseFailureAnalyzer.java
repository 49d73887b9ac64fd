package dev.loraguide.decisionlog;

import java.sql.SQLException;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;

/**
 * Says in one sentence that the embedded H2 database file is held by another process
 * (most often a second lora-guide started in the same folder), and what to do.
 */
class DatabaseInUseFailureAnalyzer implements FailureAnalyzer {

	/** H2's ErrorCode.DATABASE_ALREADY_OPEN_1. */
	private static final int H2_DATABASE_ALREADY_OPEN = 90020;

	private final Environment environment;

	DatabaseInUseFailureAnalyzer(Environment environment) {
		this.environment = environment;
	}

	@Override
	public FailureAnalysis analyze(Throwable failure) {
		SQLException inUse = DatabaseFailures.find(failure, (ex) -> ex.getErrorCode() == H2_DATABASE_ALREADY_OPEN);
		if (inUse == null) {
			return null;
		}
		return new FailureAnalysis(
				"The decision-log database " + DatabaseFailures.url(this.environment)
						+ " is in use by another process, most likely another lora-guide started in this folder.",
				"Stop that process, or give this one its own database: set SPRING_DATASOURCE_URL to another H2 "
						+ "file (jdbc:h2:file:./data/other) or to a PostgreSQL both can share.",
				inUse);
	}

}
