package org.shanzhi.cockpit.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.Fixtures;
import org.shanzhi.cockpit.feed.CommandOutbox;
import org.shanzhi.cockpit.feed.HubCommands;
import org.shanzhi.cockpit.feed.HubFeed;

/**
 * A writing hub and a following hub on one PostgreSQL journal, in one JVM: what each serves, the wall's feed and
 * commands given both addresses, and a writer that loses its lock. {@link FailoverTest} kills a writer process.
 * Runs when SHANZHI_TEST_PG_URL is set (.ci/postgres.sh prints it); CI sets SHANZHI_REQUIRE_POSTGRES=1.
 */
class TwoHubsOnOneJournalTest {

    private static final String URL = TestPostgres.URL;
    private static final String USER = TestPostgres.USER;
    private static final String PASSWORD = TestPostgres.PASSWORD;

    @TempDir
    Path dir;

    @BeforeEach
    void cleanDatabase() throws Exception {
        TestPostgres.freshDatabase();
    }

    /** A hub on the test's journal, with the tokens both hubs share. */
    private TestHub start(String name) {
        return new TestHub(new HubRuntime.Config("127.0.0.1", 0, dir.resolve(name), dir.resolve("tokens.json"), URL,
                USER, PASSWORD, s -> HubClock.system(), HubLimits.DEFAULT));
    }

    @Test
    void theFollowerServesReadsSendsWritesToTheWriterAndTheWallMovesWhenTheWriterGoes() throws Exception {
        TestHub a = start("a");
        TestHub b = start("b");
        try (b) {
            assertThat(a.get("/api/v1/health", null).json().get("role").asText()).isEqualTo("writer");
            assertThat(b.get("/api/v1/health", null).json().get("role").asText()).isEqualTo("follower");
            a.ingest(Fixtures.inventory());
            long head = a.runtime.hub().head();
            await().atMost(Duration.ofSeconds(10)).until(() -> b.runtime.hub().head() == head);
            assertThat(b.snapshotAtHead().body()).isEqualTo(a.snapshotAtHead().body());

            TestHub.Reply refused = b.post("/api/v1/units/U-1/status", Role.OPERATOR, "{\"status\":\"PAT\"}", "to-b");
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.json().get("field").asText()).isEqualTo("hub");
            assertThat(refused.json().get("message").asText()).contains(a.runtime.baseUrl());
            // who may not write at all is told so first: the writer's address is for callers with a token
            assertThat(b.post("/api/v1/units/U-1/status", null, "{\"status\":\"PAT\"}", "no-token").status())
                    .isEqualTo(401);

            List<String> hubs = List.of(a.runtime.baseUrl(), b.runtime.baseUrl());
            try (HubFeed feed = new HubFeed(hubs, a.token(Role.VIEWER)).start();
                 HubCommands commands = new HubCommands(List.of(b.runtime.baseUrl(), a.runtime.baseUrl()), a.token(Role.LEADER),
                         CommandOutbox.inMemory())) {
                // the follower is named first: the command finds the writer
                assertThat(commands.instruct(null, "东社区排查积水点").get(20, TimeUnit.SECONDS))
                        .isInstanceOf(HubCommands.Outcome.Done.class);
                await().atMost(Duration.ofSeconds(10)).until(() -> feed.latest() != null
                        && feed.latest().instructions().size() == 1);

                a.close(); // the writer goes: the follower takes the lock and writes on
                await().atMost(Duration.ofSeconds(10)).until(() -> b.runtime.hub().writing());
                assertThat(b.get("/api/v1/health", null).json().get("role").asText()).isEqualTo("writer");
                assertThat(commands.instruct(null, "西社区加强巡查").get(30, TimeUnit.SECONDS))
                        .isInstanceOf(HubCommands.Outcome.Done.class);
                await().atMost(Duration.ofSeconds(30)).until(() -> feed.latest().instructions().size() == 2);
                assertThat(feed.hub()).isEqualTo(b.runtime.baseUrl());
                assertThat(feed.latest().seq()).isEqualTo(head + 2);
            }
        } finally {
            a.close();
        }
    }

    @Test
    void aWriterThatLostItsLockWritesNothingUntilItHoldsTheLockAgain() throws Exception {
        try (TestHub a = start("a")) {
            a.ingest(Fixtures.inventory());
            long head = a.runtime.hub().head();
            // the lock's session ends (a database restart, a network cut) and another session takes the lock; the
            // hub may take it back between the two, so both are done again until this test's session holds it
            try (Connection other = DriverManager.getConnection(URL, USER, PASSWORD);
                 Statement st = other.createStatement()) {
                await().atMost(Duration.ofSeconds(10)).until(() -> {
                    st.execute("SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory'"
                            + " AND objsubid = 2 AND pid <> pg_backend_pid()");
                    try (ResultSet rs = st.executeQuery("SELECT pg_try_advisory_lock(" + 0x5348_5A48 + ", 1)")) {
                        rs.next();
                        return rs.getBoolean(1);
                    }
                });
                TestHub.Reply refused = a.ingest(List.of(new Event.SensorReported("S-1", 7)));
                assertThat(refused.status()).isEqualTo(503);
                assertThat(a.runtime.hub().head()).isEqualTo(head);
            }
            // nobody else holds it: the hub takes it again, from the journal's head, and writes on
            await().atMost(Duration.ofSeconds(10)).until(() -> a.runtime.hub().writing());
            assertThat(a.ingest(List.of(new Event.SensorReported("S-1", 8))).json().get("firstSeq").asLong())
                    .isEqualTo(head + 1);
            try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT COUNT(*), MAX(seq) FROM journal")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(head + 1);
                assertThat(rs.getLong(2)).isEqualTo(head + 1);
            }
        }
    }
}
