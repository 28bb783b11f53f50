package org.shanzhi.cockpit.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.Fixtures;
import org.shanzhi.cockpit.domain.Recorded;
import org.shanzhi.cockpit.hub.Hub;
import org.shanzhi.cockpit.hub.HubRuntime;
import org.shanzhi.cockpit.hub.Journal;
import org.shanzhi.cockpit.json.Json;

/** A journal with an entry no hub can replay: the hub says which, and `journal quarantine` lets it start again. */
class JournalCommandTest {

    @TempDir
    Path data;

    @Test
    void anUnreadableEntryIsNamedAndSetAside() throws Exception {
        long head;
        try (HubRuntime hub = HubRuntime.start(HubRuntime.Config.local(data))) {
            hub.hub().append(Fixtures.inventory().stream().map(e -> new Hub.Pending(Fixtures.T0, e)).toList(),
                    Hub.Origin.system("test"));
            head = hub.hub().head();
        }
        // what an older hub could write: a heading JSON cannot hold, stored as null; then an ordinary event
        String url = Journal.h2Url(data);
        try (Journal journal = Journal.open(url, "", "")) {
            journal.append(List.of(
                    new Journal.Row(head + 1, Fixtures.T0, "UnitMoved",
                            "{\"unitId\":\"U-1\",\"at\":{\"lon\":116.38,\"lat\":39.815},\"heading\":null}", null),
                    new Journal.Row(head + 2, Fixtures.T0, "SensorReported", Json.write(new Event.SensorReported("S-1", 7)), null)),
                    "test", null, null);
        }

        assertThatThrownBy(() -> HubRuntime.start(HubRuntime.Config.local(data)))
                .isInstanceOf(Hub.UnreadableEntry.class)
                .hasMessageContaining("seq " + (head + 1) + " (UnitMoved)")
                .hasMessageContaining("journal quarantine");

        Run check = run("journal", "check", "--data", data.toString());
        assertThat(check.code).isEqualTo(1);
        assertThat(check.out).contains("seq " + (head + 1) + " (UnitMoved)").doesNotContain("seq " + (head + 2));

        Run quarantine = run("journal", "quarantine", "--data", data.toString());
        assertThat(quarantine.code).as(quarantine.out).isZero();
        assertThat(run("journal", "check", "--data", data.toString()).code).isZero();

        try (HubRuntime hub = HubRuntime.start(HubRuntime.Config.local(data))) {
            assertThat(hub.hub().head()).isEqualTo(head + 2);
            assertThat(hub.hub().situation().sensors().get("S-1").value()).isEqualTo(7);
            Recorded placeholder = Json.readFrames(hub.hub().journal().readAfter(head, 1).stream()
                    .map(r -> Json.frame(r.seq(), r.time(), r.type(), r.payload(), r.drill())).findFirst().orElseThrow()).get(0);
            assertThat(placeholder.event()).isInstanceOf(Event.EntryQuarantined.class);
        }
        try (Connection c = DriverManager.getConnection(url, "", "");
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT seq, type, payload, reason FROM quarantine")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).isEqualTo(head + 1);
            assertThat(rs.getString(2)).isEqualTo("UnitMoved");
            assertThat(rs.getString(3)).contains("\"heading\":null");
            assertThat(rs.getString(4)).isNotBlank();
            assertThat(rs.next()).isFalse();
        }
    }

    private record Run(int code, String out) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream before = System.out;
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            int code = new CommandLine(new CockpitCommand()).execute(args);
            return new Run(code, bytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(before);
        }
    }
}
