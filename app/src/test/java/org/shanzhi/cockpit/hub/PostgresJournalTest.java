package org.shanzhi.cockpit.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.Fixtures;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.domain.WeatherWarning;
import org.shanzhi.cockpit.recording.Recording;

/**
 * The same hub code on a real PostgreSQL: migrations, appends, the audit trail, idempotency, the
 * stream and a restart. Runs when SHANZHI_TEST_PG_URL is set (.ci/postgres.sh prints it); CI sets
 * SHANZHI_REQUIRE_POSTGRES=1 so that a missing database fails instead of skipping.
 */
class PostgresJournalTest {

    private static final String URL = TestPostgres.URL;
    private static final String USER = TestPostgres.USER;
    private static final String PASSWORD = TestPostgres.PASSWORD;

    @TempDir
    Path data;

    @BeforeEach
    void cleanDatabase() throws Exception {
        TestPostgres.freshDatabase();
    }

    private TestHub start() {
        return new TestHub(HubRuntime.Config.local(data).withJdbc(URL, USER, PASSWORD));
    }

    @Test
    void journalOnPostgresqlBehavesLikeOnH2() throws Exception {
        String snapshot;
        long head;
        try (TestHub hub = start()) {
            assertThat(hub.ingest(Fixtures.inventory()).status()).isEqualTo(200);
            assertThat(hub.post("/api/v1/units/U-1/status", Role.OPERATOR, "{\"status\":\"PAT\"}", "pg-1").status())
                    .isEqualTo(200);
            assertThat(hub.post("/api/v1/units/U-1/status", Role.OPERATOR, "{\"status\":\"PAT\"}", "pg-1").status())
                    .isEqualTo(409);
            TestHub.Reply partial = hub.ingest(List.of(new Event.SensorReported("S-1", 5),
                    new Event.SensorReported("S-404", 5)));
            assertThat(partial.status()).isEqualTo(422);

            head = hub.runtime.hub().head();
            assertThat(hub.runtime.hub().journal().head()).isEqualTo(head);
            assertThat(hub.get("/api/v1/audit", Role.LEADER).json().get("entries").get(0).get("action").asText())
                    .isEqualTo("unit-status");
            try (TestHub.Subscriber sub = hub.subscribe("?since=" + (head - 3))) {
                assertThat(sub.take(3).get(2).get("seq").asLong()).isEqualTo(head);
            }
            snapshot = hub.snapshotAtHead().body();
        }
        try (TestHub hub = start()) {
            assertThat(hub.snapshotAtHead().body()).isEqualTo(snapshot);
            hub.ingest(List.of(new Event.SensorReported("S-1", 9)));
            assertThat(hub.runtime.hub().head()).isEqualTo(head + 1);
        }
    }

    @Test
    void drillMarksAreStoredAndReplayedOnPostgresql() {
        try (TestHub hub = start()) {
            hub.ingest(Fixtures.inventory());
            hub.runtime.hub().append(List.of(
                    new Hub.Pending(null, new Event.DrillStarted("YL-PG", "库内演练", null), "YL-PG"),
                    new Hub.Pending(null, new Event.WarningIssued("YL-PG:w", WeatherWarning.Hazard.GALE,
                            WeatherWarning.Level.BLUE, "气象台", null), "YL-PG")), Hub.Origin.system("drill"));
            hub.ingest(List.of(new Event.SensorReported("S-1", 4)));
        }
        try (TestHub hub = start()) {
            // the drill's clock did not survive the stop: it ended as stopped, its warning keeps the mark
            assertThat(hub.runtime.hub().situation().drill()).isNull();
            assertThat(hub.runtime.hub().situation().drillOf("warnings", "YL-PG:w")).isEqualTo("YL-PG");
            long head = hub.runtime.hub().head();
            assertThat(hub.runtime.hub().journal().readAfter(head - 4, 4)).extracting(Journal.Row::drill)
                    .containsExactly("YL-PG", "YL-PG", null, "YL-PG");
        }
    }

    @Test
    void anEntryThatCannotBeReplayedIsSetAsideOnPostgresqlToo() {
        long head;
        try (TestHub hub = start()) {
            hub.ingest(Fixtures.inventory());
            head = hub.runtime.hub().head();
        }
        try (Journal journal = Journal.open(URL, USER, PASSWORD)) {
            assertThat(journal.tryLockWriter(null)).isTrue(); // on a shared journal only the lock's holder writes
            journal.append(List.of(new Journal.Row(head + 1, Fixtures.T0, "UnitMoved", "{\"unitId\":\"U-1\"}", null)),
                    "test", null, null);
            assertThat(JournalCheck.run(journal, true)).extracting(JournalCheck.Problem::seq).containsExactly(head + 1);
            assertThat(JournalCheck.run(journal, false)).isEmpty();
        }
        try (TestHub hub = start()) {
            assertThat(hub.runtime.hub().head()).isEqualTo(head + 1);
        }
    }

    @Test
    void aRecordingIsImportedIntoAnEmptyJournalOnPostgresqlToo() {
        Path file = data.resolve("range.shanzhi");
        Situation original;
        try (TestHub hub = new TestHub(data.resolve("source"))) {
            hub.ingest(Fixtures.inventory());
            long first = hub.runtime.hub().head() + 1;
            hub.runtime.hub().append(List.of(
                    new Hub.Pending(null, new Event.DrillStarted("YL-PG", "库内演练", null), "YL-PG"),
                    new Hub.Pending(null, new Event.SensorReported("S-1", 7), null)), Hub.Origin.system("test"));
            Instant from = hub.runtime.hub().journal().readAfter(first - 1, 1).get(0).time();
            RecordingExport.export(hub.runtime.hub().journal(), from, from.plusSeconds(3600), file);
            original = hub.runtime.hub().situation();
        }
        try (Journal journal = Journal.open(URL, USER, PASSWORD)) {
            assertThat(journal.tryLockWriter(null)).isTrue();
            assertThat(RecordingImport.into(journal, Recording.read(file))).isEqualTo(2);
        }
        try (TestHub hub = start()) {
            // its drill's clock did not come with it: ended as stopped, one event on
            assertThat(hub.runtime.hub().head()).isEqualTo(original.seq() + 1);
            assertThat(hub.runtime.hub().journal().readAfter(0, 10)).extracting(Journal.Row::drill)
                    .containsExactly("YL-PG", null, "YL-PG");
            assertThat(hub.runtime.hub().situation().sensors()).isEqualTo(original.sensors());
        }
    }
}
