package dev.loraguide.decisionlog;

import javax.sql.DataSource;

/** The decision log on a real PostgreSQL, as replicas share it in production. */
class PostgresDecisionLogStorageTests extends DecisionLogStorageContract {

	private static final SharedPostgres.Database DATABASE = SharedPostgres.newDatabase();

	@Override
	DataSource dataSource() {
		return DATABASE.dataSource();
	}

	@Override
	DataSource emptyDataSource() {
		return SharedPostgres.newDatabase().dataSource();
	}

}
