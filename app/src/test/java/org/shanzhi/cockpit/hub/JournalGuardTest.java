package org.shanzhi.cockpit.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.Fixtures;

/** The journal only ever holds what a restarted hub can replay, and only its owner can read it. */
class JournalGuardTest {

    @TempDir
    Path data;

    @Test
    void anEventThatWouldNotReadBackIsNeverJournalled() {
        try (TestHub hub = new TestHub(data)) {
            hub.ingest(Fixtures.inventory());
            Hub h = hub.runtime.hub();
            long head = h.head();
            Hub.Pending infinite = new Hub.Pending(null, new Event.UnitMoved("U-1", Fixtures.WEST, Double.POSITIVE_INFINITY));
            assertThatThrownBy(() -> h.append(List.of(infinite), Hub.Origin.system("test")))
                    .isInstanceOf(Hub.BatchRejected.class).hasMessageContaining("read back");
            assertThat(h.appendEach(List.of(infinite, new Hub.Pending(null, new Event.SensorReported("S-1", 4))), "test"))
                    .isEqualTo(1);
            assertThat(h.journal().head()).isEqualTo(head + 1);
        }
        try (TestHub again = new TestHub(data)) {
            assertThat(again.runtime.hub().situation().sensors().get("S-1").value()).isEqualTo(4);
        }
    }

    @Test
    void theDataDirectoryIsTheOwnersAlone() throws Exception {
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (TestHub hub = new TestHub(data)) {
            hub.ingest(Fixtures.inventory());
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
            for (String name : List.of("journal.mv.db", "tokens.json")) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve(name))))
                        .as(name).isEqualTo("rw-------");
            }
        }
    }
}
