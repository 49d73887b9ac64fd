package dev.loraguide.decisionlog;

import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The decision log on H2, the default database. */
class H2DecisionLogStorageTests extends DecisionLogStorageContract {

	private static final DataSource DATABASE = h2();

	@Override
	DataSource dataSource() {
		return DATABASE;
	}

	@Override
	DataSource emptyDataSource() {
		return h2();
	}

	private static DataSource h2() {
		return new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
	}

}
