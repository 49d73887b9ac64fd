package dev.loraguide;

/**
 * The API tokens every test context accepts (their SHA-256 hashes are in the test
 * configuration), one per role, as {@code Authorization} header values.
 */
public final class TestCredentials {

	public static final String ADMIN = "Bearer test-admin-token";

	public static final String REPORTER = "Bearer test-reporter-token";

	public static final String READER = "Bearer test-reader-token";

	private TestCredentials() {
	}

}
