package org.shanzhi.cockpit.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPInputStream;

import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.Fixtures;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.json.Json;

/** GET /api/v1/snapshot serves prepared bytes: the very fold of the journal at their seq, and newer after an event. */
class ServedSnapshotTest {

    @TempDir
    Path data;

    @Test
    void theServedSnapshotIsTheJournalFoldedToItsSeqAndAnEventMakesANewerOne() throws IOException {
        try (TestHub hub = new TestHub(data)) {
            hub.ingest(Fixtures.inventory());
            TestHub.Reply first = hub.snapshotAtHead();
            long seq = first.json().get("seq").asLong();
            assertThat(first.body()).isEqualTo(wholeSerialization(hub, seq));

            hub.ingest(List.of(new Event.SensorReported("S-1", 7)));
            TestHub.Reply newer = await().atMost(Duration.ofSeconds(20))
                    .until(() -> hub.get("/api/v1/snapshot", Role.VIEWER), r -> r.json().get("seq").asLong() > seq);
            long newerSeq = newer.json().get("seq").asLong();
            assertThat(newer.body()).isEqualTo(wholeSerialization(hub, newerSeq)).isNotEqualTo(first.body());

            // the same bytes to a client that asks for gzip and to one that does not
            byte[] gzipped = raw(hub, "gzip, deflate", "gzip");
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(newer.body());
            }
            assertThat(new String(raw(hub, "identity", null), StandardCharsets.UTF_8)).isEqualTo(newer.body());
            assertThat(new String(raw(hub, "gzip;q=0", null), StandardCharsets.UTF_8)).isEqualTo(newer.body());
        }
    }

    @Test
    void askedAgainWithTheTagItGaveTheSameSnapshotIsNotSentAgainANewerOneIs() throws IOException {
        try (TestHub hub = new TestHub(data)) {
            hub.ingest(Fixtures.inventory());
            String tag;
            try (Response r = TestHub.HTTP.newCall(get(hub, null)).execute()) {
                assertThat(r.code()).isEqualTo(200);
                tag = r.header("ETag");
            }
            assertThat(tag).isNotBlank();
            try (Response r = TestHub.HTTP.newCall(get(hub, tag)).execute()) {
                assertThat(r.code()).isEqualTo(304);
                assertThat(r.body().bytes()).isEmpty();
            }

            hub.ingest(List.of(new Event.SensorReported("S-1", 7)));
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                try (Response r = TestHub.HTTP.newCall(get(hub, tag)).execute()) {
                    return r.code() == 200 && !tag.equals(r.header("ETag"));
                }
            });
        }
    }

    private static Request get(TestHub hub, String ifNoneMatch) {
        Request.Builder get = new Request.Builder().url(hub.runtime.baseUrl() + "/api/v1/snapshot")
                .header("Authorization", "Bearer " + hub.token(Role.VIEWER));
        if (ifNoneMatch != null) {
            get.header("If-None-Match", ifNoneMatch);
        }
        return get.build();
    }

    /** {"seq": N, "situation": ...} with the situation folded from the journal's first entry to {@code seq}. */
    private static String wholeSerialization(TestHub hub, long seq) {
        Situation s = Situation.empty();
        for (Journal.Row r : hub.runtime.hub().journal().readAfter(0, Integer.MAX_VALUE)) {
            if (r.seq() <= seq) {
                s = Hub.replay(s, r);
            }
        }
        assertThat(s.seq()).isEqualTo(seq);
        return "{\"seq\":" + seq + ",\"situation\":" + Json.write(s) + "}";
    }

    /** The body's bytes as sent, asking with {@code acceptEncoding}; the answer's Content-Encoding must be {@code expected}. */
    private static byte[] raw(TestHub hub, String acceptEncoding, String expected) throws IOException {
        Request get = new Request.Builder().url(hub.runtime.baseUrl() + "/api/v1/snapshot")
                .header("Authorization", "Bearer " + hub.token(Role.VIEWER))
                .header("Accept-Encoding", acceptEncoding).build();
        try (Response r = TestHub.HTTP.newCall(get).execute()) {
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.header("Content-Encoding")).isEqualTo(expected);
            assertThat(r.header("Vary")).isEqualTo("Accept-Encoding");
            return r.body().bytes();
        }
    }
}
