package org.shanzhi.cockpit.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.Fixtures;
import org.shanzhi.cockpit.domain.Recorded;
import org.shanzhi.cockpit.json.Json;

/** Every event type comes back unchanged from its JSON, from the journal, and from the stream's frame. */
class EventRoundTripTest {

    @TempDir
    Path data;

    @Test
    void everyEventTypeRoundTripsThroughJsonTheJournalAndAFrame() {
        List<Event> batch = OpenApiContractTest.richBatch();
        List<Event> all = new ArrayList<>(Fixtures.inventory());
        all.addAll(batch);
        Set<String> types = new TreeSet<>();
        for (Event e : all) {
            String type = Json.typeOf(e);
            types.add(type);
            String payload = Json.write(e);
            assertThat(Json.readEvent(type, payload)).as(type).isEqualTo(e);
            assertThat(Json.readFrame(Json.frame(7, Fixtures.T0, type, payload, null)))
                    .isEqualTo(new Recorded(7, Fixtures.T0, e));
        }
        Set<String> ingestable = new TreeSet<>(Json.eventTypes());
        Event.writtenByTheHubOnly().forEach(c -> ingestable.remove(c.getSimpleName()));
        assertThat(types).isEqualTo(ingestable);

        List<Event> journalled;
        String snapshot;
        try (TestHub hub = new TestHub(data)) {
            hub.ingest(Fixtures.inventory());
            assertThat(hub.post("/api/v1/ingest", Role.INGEST, OpenApiContractTest.ingestBody(batch,
                    "2026-05-30T08:00:00Z"), null).status()).isEqualTo(200);
            snapshot = hub.runtime.hub().snapshotJson();
        }
        try (TestHub again = new TestHub(data)) {
            journalled = again.runtime.hub().journal().readAfter(0, 10_000).stream()
                    .map(r -> Json.readEvent(r.type(), r.payload())).toList();
            assertThat(again.runtime.hub().snapshotJson()).isEqualTo(snapshot);
        }
        assertThat(journalled).isEqualTo(all);
    }
}
