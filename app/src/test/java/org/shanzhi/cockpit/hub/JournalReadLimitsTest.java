package org.shanzhi.cockpit.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.shanzhi.cockpit.domain.Community;
import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.Fixtures;
import org.shanzhi.cockpit.domain.GeoPoint;
import org.shanzhi.cockpit.domain.Polygon;

/** Large events: one may be only so large, and a page of /events only so many bytes, whatever the limit asked. */
class JournalReadLimitsTest {

    @TempDir
    Path data;

    /** A community whose boundary has {@code points} points (about 40 characters of JSON each). */
    private static Event community(int i, int points) {
        List<GeoPoint> ring = new ArrayList<>();
        for (int k = 0; k < points; k++) {
            double a = 2 * Math.PI * k / points;
            ring.add(new GeoPoint(116.395 + 0.01 * Math.cos(a), 39.817 + 0.01 * Math.sin(a)));
        }
        return new Event.CommunityRegistered(new Community("1101060169" + String.format("%02d", i), "社区" + i, 100, 50,
                new Polygon(ring), false));
    }

    @Test
    void anEventOverTheSizeLimitIsRefused() {
        try (TestHub hub = new TestHub(data)) {
            hub.ingest(Fixtures.inventory());
            long head = hub.runtime.hub().head();
            TestHub.Reply r = hub.ingest(List.of(community(1, 9_000)));
            assertThat(r.status()).as(r.body()).isEqualTo(422);
            assertThat(r.json().get("field").asText()).isEqualTo("events[0].payload");
            assertThat(hub.runtime.hub().journal().head()).isEqualTo(head);
        }
    }

    @Test
    void aPageOfEventsStopsAtItsSizeAndPagingOnGetsTheRest() {
        try (TestHub hub = new TestHub(data)) {
            hub.ingest(Fixtures.inventory());
            for (int i = 0; i < 40; i++) { // 40 events of about 210 KB: more than one page
                TestHub.Reply r = hub.ingest(List.of(community(i, 4_500)));
                assertThat(r.status()).as(r.body()).isEqualTo(200);
            }
            long head = hub.runtime.hub().head();
            long since = 0;
            int pages = 0;
            List<Long> seqs = new ArrayList<>();
            while (since < head) {
                JsonNode page = hub.get("/api/v1/events?since=" + since + "&limit=10000", Role.VIEWER).json();
                assertThat(page.get("events").size()).isPositive();
                page.get("events").forEach(e -> seqs.add(e.get("seq").asLong()));
                since = seqs.get(seqs.size() - 1);
                pages++;
            }
            assertThat(pages).isGreaterThan(1);
            assertThat(seqs).hasSize((int) head).doesNotHaveDuplicates().isSorted();
        }
    }
}
