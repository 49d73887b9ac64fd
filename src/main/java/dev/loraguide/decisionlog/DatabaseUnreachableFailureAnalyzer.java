package dev.loraguide.decisionlog;

import java.sql.SQLException;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;

/**
 * Says in one sentence that the decision-log database could not be reached (SQL state
 * class 08) or refused the credentials (class 28), after Flyway's bounded retries with
 * back-off ({@code spring.flyway.connect-retries}), and what to check.
 */
class DatabaseUnreachableFailureAnalyzer implements FailureAnalyzer {

	private final Environment environment;

	DatabaseUnreachableFailureAnalyzer(Environment environment) {
		this.environment = environment;
	}

	@Override
	public FailureAnalysis analyze(Throwable failure) {
		SQLException refused = DatabaseFailures.find(failure, (ex) -> state(ex).startsWith("28"));
		if (refused != null) {
			return new FailureAnalysis(
					"The decision-log database " + DatabaseFailures.url(this.environment)
							+ " refused the user name or password.",
					"Set SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD to an account of that database.",
					refused);
		}
		SQLException unreachable = DatabaseFailures.find(failure, (ex) -> state(ex).startsWith("08"));
		if (unreachable == null) {
			return null;
		}
		int attempts = this.environment.getProperty("spring.flyway.connect-retries", Integer.class, 0) + 1;
		return new FailureAnalysis(
				"The decision-log database " + DatabaseFailures.url(this.environment) + " could not be reached in "
						+ attempts + " attempts (" + firstLine(unreachable) + ").",
				"Start the database or correct SPRING_DATASOURCE_URL (host, port, database name); without it the "
						+ "service uses an embedded H2 file under ./data.",
				unreachable);
	}

	private static String state(SQLException ex) {
		return (ex.getSQLState() != null) ? ex.getSQLState() : "";
	}

	private static String firstLine(SQLException ex) {
		return String.valueOf(ex.getMessage()).lines().findFirst().orElse("").strip();
	}

}
