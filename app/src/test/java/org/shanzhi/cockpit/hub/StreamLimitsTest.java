package org.shanzhi.cockpit.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.Fixtures;
import org.shanzhi.cockpit.domain.Incident;
import org.shanzhi.cockpit.json.Json;

/** What a stream client, with a token or without, can make the hub hold: sessions, bytes, threads. */
class StreamLimitsTest {

    @TempDir
    Path data;
    TestHub hub;

    private void start(HubLimits limits) {
        hub = new TestHub(HubRuntime.Config.local(data).withLimits(limits));
        assertThat(hub.ingest(Fixtures.inventory()).status()).isEqualTo(200);
    }

    @AfterEach
    void stop() {
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void upgradeAttemptsLeaveNoHttpSessionBehind() throws Exception {
        start(HubLimits.DEFAULT);
        List<String> tokens = Arrays.asList(null, "not-a-token", hub.token(Role.INGEST), hub.token(Role.VIEWER));
        List<Integer> expected = List.of(401, 401, 403, 101);
        for (int i = 0; i < 100; i++) {
            for (int t = 0; t < tokens.size(); t++) {
                try (RawUpgrade u = new RawUpgrade(hub.runtime.port(), "?since=0", tokens.get(t))) {
                    assertThat(u.status).isEqualTo(expected.get(t));
                    assertThat(u.setsACookie()).as("answer %d: %s", u.status, u.headers).isFalse();
                }
            }
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(hub.httpSessions()).isZero());
    }

    @Test
    void aSubscriberThatStopsReadingIsDroppedWithItsBytesBoundedWhileAReaderGetsEverything() throws Exception {
        int bytesAllowed = 256 * 1024;
        start(HubLimits.DEFAULT.withStreamBytesInFlight(bytesAllowed).withStreamStall(Duration.ofSeconds(2)));
        long from = hub.runtime.hub().head();
        String viewer = hub.token(Role.VIEWER);
        try (TestHub.Subscriber reader = hub.subscribe("?since=" + from + "&batch=true");
             RawUpgrade stuckBatched = new RawUpgrade(hub.runtime.port(), "?since=" + from + "&batch=true", viewer);
             RawUpgrade stuckSingle = new RawUpgrade(hub.runtime.port(), "?since=" + from, viewer)) {
            assertThat(List.of(stuckBatched.status, stuckSingle.status)).containsOnly(101);
            await().atMost(Duration.ofSeconds(10)).until(() -> hub.subscribers().size() == 3);

            // 2 KB frames, 10 MB in all: more than the kernel's socket buffers take for a client that never reads
            int peak = 0;
            int events = 5000;
            for (int i = 0; i < events; i += 100) {
                hub.runtime.hub().append(reports(i, 100), Hub.Origin.system("test"));
                peak = Math.max(peak, mostBytesInFlight());
            }
            int[] peakWhileDropping = {0};
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                peakWhileDropping[0] = Math.max(peakWhileDropping[0], mostBytesInFlight());
                return hub.subscribers().size() == 1;
            });
            assertThat(Math.max(peak, peakWhileDropping[0])).isPositive().isLessThanOrEqualTo(bytesAllowed);

            // the hub let go of the connections, not only of its senders: what the kernel holds ends in EOF
            assertThat(drainToEnd(stuckBatched)).isPositive();
            assertThat(drainToEnd(stuckSingle)).isPositive();

            List<JsonNode> frames = reader.take(events);
            for (int i = 0; i < events; i++) {
                assertThat(frames.get(i).get("seq").asLong()).isEqualTo(from + 1 + i);
            }
            assertThat(reader.closeReason).isNull();
        }
    }

    @Test
    void twoHundredSubscribersAreServedAndTheOneBeyondTheLimitIsRefused() throws Exception {
        start(HubLimits.DEFAULT.withMaxSubscribers(200));
        long from = hub.runtime.hub().head();
        List<TestHub.Subscriber> subscribers = new ArrayList<>();
        try {
            for (int i = 0; i < 200; i++) {
                subscribers.add(hub.subscribe("?since=" + from + "&batch=true"));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> hub.subscribers().size() == 200);

            try (RawUpgrade refused = new RawUpgrade(hub.runtime.port(), "?since=" + from, hub.token(Role.VIEWER))) {
                assertThat(refused.status).isEqualTo(503);
                JsonNode error = Json.MAPPER.readTree(refused.body());
                assertThat(error.get("error").asText()).isEqualTo("unavailable");
                assertThat(error.get("message").asText()).contains("at most 200 stream subscribers");
            }

            hub.ingest(List.of(new Event.SensorReported("S-1", 1)));
            for (TestHub.Subscriber s : subscribers) {
                assertThat(s.take(1).get(0).get("seq").asLong()).isEqualTo(from + 1);
            }

            subscribers.remove(0).close();
            await().atMost(Duration.ofSeconds(10)).until(() -> hub.subscribers().size() == 199);
            try (RawUpgrade admitted = new RawUpgrade(hub.runtime.port(), "?since=" + from, hub.token(Role.VIEWER))) {
                assertThat(admitted.status).isEqualTo(101);
            }
        } finally {
            subscribers.forEach(TestHub.Subscriber::close);
        }
    }

    @Test
    void upgradesRacingAtTheLimitNeverServeMoreThanIt() throws Exception {
        start(HubLimits.DEFAULT.withMaxSubscribers(10));
        String viewer = hub.token(Role.VIEWER);
        ExecutorService clients = Executors.newFixedThreadPool(100);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<RawUpgrade>> upgrades = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                upgrades.add(clients.submit(() -> {
                    go.await();
                    return new RawUpgrade(hub.runtime.port(), "", viewer);
                }));
            }
            go.countDown();
            for (Future<RawUpgrade> u : upgrades) {
                try (RawUpgrade r = u.get()) {
                    assertThat(r.status).isIn(101, 503);
                    assertThat(hub.subscribers().size()).isLessThanOrEqualTo(10);
                }
            }
        } finally {
            clients.shutdownNow();
        }
    }

    private int mostBytesInFlight() {
        return hub.subscribers().stream().mapToInt(StreamSession::bytesInFlight).max().orElse(0);
    }

    /** Intelligence reports whose summaries make frames of about 2 KB (Chinese text: 3 bytes a character). */
    private static List<Hub.Pending> reports(int from, int n) {
        List<Hub.Pending> out = new ArrayList<>();
        for (int i = from; i < from + n; i++) {
            out.add(new Hub.Pending(null, new Event.IntelReported("R-" + i, "P-1", "治安", Incident.Severity.LOW,
                    null, "巡逻发现".repeat(160), null)));
        }
        return out;
    }

    /** Reads what the hub sent until it closes the connection; the bytes read. */
    private static long drainToEnd(RawUpgrade u) throws Exception {
        u.socket.setSoTimeout(10_000);
        InputStream in = u.socket.getInputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buffer)) >= 0; ) {
            total += n;
        }
        return total;
    }
}
