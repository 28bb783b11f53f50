package org.shanzhi.cockpit.hub;

import static org.assertj.core.api.Assumptions.assumeThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * The PostgreSQL the journal tests run on: set by SHANZHI_TEST_PG_URL (.ci/postgres.sh prints it). Without it those
 * tests are skipped, unless SHANZHI_REQUIRE_POSTGRES is set (as in CI), when they fail.
 */
final class TestPostgres {

    static final String URL = System.getenv("SHANZHI_TEST_PG_URL");
    static final String USER = System.getenv().getOrDefault("SHANZHI_TEST_PG_USER", "cockpit");
    static final String PASSWORD = System.getenv().getOrDefault("SHANZHI_TEST_PG_PASSWORD", "cockpit");

    private TestPostgres() {
    }

    /** Skips the test without a database (fails if one is required), else empties it. */
    static void freshDatabase() throws Exception {
        if (URL == null && System.getenv("SHANZHI_REQUIRE_POSTGRES") != null) {
            throw new AssertionError("SHANZHI_REQUIRE_POSTGRES is set but SHANZHI_TEST_PG_URL is not");
        }
        assumeThat(URL).as("SHANZHI_TEST_PG_URL (run .ci/postgres.sh)").isNotNull();
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA public CASCADE");
            st.execute("CREATE SCHEMA public");
        }
    }
}
