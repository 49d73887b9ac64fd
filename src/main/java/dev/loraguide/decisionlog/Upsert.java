package dev.loraguide.decisionlog;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An insert-or-add written twice, because the two databases spell it differently:
 * PostgreSQL's {@code on conflict ... do update}, atomic when two replicas add the first
 * row at once, and H2's standard {@code MERGE}. The database says which, the first time
 * it is asked.
 */
final class Upsert {

	private final JdbcTemplate jdbc;

	private final String postgres;

	private final String standard;

	private volatile String chosen;

	Upsert(JdbcTemplate jdbc, String postgres, String standard) {
		this.jdbc = jdbc;
		this.postgres = postgres;
		this.standard = standard;
	}

	String statement() {
		String statement = this.chosen;
		if (statement == null) {
			String product = this.jdbc.execute(
					(ConnectionCallback<String>) (connection) -> connection.getMetaData().getDatabaseProductName());
			statement = "PostgreSQL".equals(product) ? this.postgres : this.standard;
			this.chosen = statement;
		}
		return statement;
	}

}
