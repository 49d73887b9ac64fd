package dev.loraguide.decisionlog;

import java.sql.SQLException;
import java.util.function.Predicate;

import org.springframework.core.env.Environment;

/**
 * What the database start-up analyzers share: finding the SQL error, naming the database.
 */
final class DatabaseFailures {

	private DatabaseFailures() {
	}

	/** The first SQL error in the chain of causes that matches, or null. */
	static SQLException find(Throwable failure, Predicate<SQLException> matching) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof SQLException sql) {
				for (SQLException next = sql; next != null; next = next.getNextException()) {
					if (matching.test(next)) {
						return next;
					}
				}
			}
		}
		return null;
	}

	/** The JDBC URL up to its options, which may carry a password. */
	static String url(Environment environment) {
		String url = environment.getProperty("spring.datasource.url", "(no spring.datasource.url)");
		int options = url.indexOf(';');
		int query = url.indexOf('?');
		int end = (options >= 0) ? options : (query >= 0) ? query : url.length();
		return url.substring(0, end);
	}

}
