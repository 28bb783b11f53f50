package org.shanzhi.cockpit.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.Fixtures;

/**
 * Subscribers that join at random points while a writer keeps appending each see exactly the seqs
 * after their {@code since}, in order, once each: across the handover from catch-up to live, from
 * the ring and, for those further behind than the ring holds, from the journal; batched or not.
 */
class StreamResumeTest {

    private static final int EVENTS = 80_000; // more than the ring's 65,536: early joiners read the journal

    @TempDir
    Path data;

    @Test
    void everySubscriberSeesExactlyTheSeqsAfterItsSince() throws Exception {
        try (TestHub hub = new TestHub(data)) {
            hub.ingest(Fixtures.inventory());
            Hub h = hub.runtime.hub();
            AtomicReference<Throwable> writerFailed = new AtomicReference<>();
            Thread writer = new Thread(() -> {
                try {
                    for (int i = 0; i < EVENTS; i += 500) {
                        List<Hub.Pending> batch = new ArrayList<>();
                        for (int k = 0; k < 500; k++) {
                            batch.add(new Hub.Pending(null, new Event.SensorReported("S-1", i + k)));
                        }
                        h.append(batch, Hub.Origin.system("test"));
                    }
                } catch (Throwable t) {
                    writerFailed.set(t);
                }
            }, "writer");
            writer.start();
            Random random = new Random(7);
            List<TestHub.Subscriber> subscribers = new ArrayList<>();
            List<Long> sinces = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                long joinAt = (long) i * EVENTS / 8;
                await().atMost(Duration.ofSeconds(60)).until(() -> h.head() >= joinAt);
                // the first joins at the start, the last 70,000 behind: further than the ring holds
                long since = i == 0 || i == 7 ? 1 : (long) (random.nextDouble() * h.head());
                sinces.add(since);
                subscribers.add(hub.subscribe("?since=" + since + (i % 2 == 0 ? "&batch=true" : "")));
            }
            writer.join();
            assertThat(writerFailed.get()).isNull();
            long head = h.head();
            for (int i = 0; i < subscribers.size(); i++) {
                try (TestHub.Subscriber sub = subscribers.get(i)) {
                    long since = sinces.get(i);
                    List<JsonNode> frames = sub.take((int) (head - since));
                    for (int k = 0; k < frames.size(); k++) {
                        assertThat(frames.get(k).get("seq").asLong()).as("subscriber %d from %d, frame %d", i, since, k)
                                .isEqualTo(since + 1 + k);
                    }
                    assertThat(sub.frames).as("nothing after the head").isEmpty();
                }
            }
        }
    }
}
