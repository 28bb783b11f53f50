package org.shanzhi.cockpit.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.shanzhi.cockpit.domain.Fixtures;
import org.shanzhi.cockpit.domain.Situation;

/** The wall's kept situation: written and read back whole, and anything that does not read is ignored. */
class SituationCacheTest {

    static final Instant SAVED = Instant.parse("2026-05-30T05:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aSituationReadsBackAsItWasKept() throws IOException {
        Situation s = Fixtures.district();
        Path file = dir.resolve("wall").resolve("situation.gz");
        SituationCache.write(file, s, SAVED);

        SituationCache.Kept k = SituationCache.read(file);
        assertThat(k.savedAt()).isEqualTo(SAVED);
        assertThat(k.situation()).isEqualTo(s);
        assertThat(k.situation().seq()).isEqualTo(s.seq());
        assertThat(Files.list(file.getParent())).containsExactly(file); // no temporary file left beside it
    }

    @Test
    void aDamagedCutOrOlderFileIsIgnored() throws IOException {
        Path file = dir.resolve("situation.gz");
        SituationCache.write(file, Fixtures.district(), SAVED);
        byte[] whole = Files.readAllBytes(file);

        byte[] flipped = whole.clone();
        flipped[whole.length / 2] ^= 0x5A;
        Files.write(file, flipped);
        assertThat(SituationCache.read(file)).isNull();

        Files.write(file, Arrays.copyOf(whole, whole.length / 2));
        assertThat(SituationCache.read(file)).isNull();

        Files.writeString(file, "not a kept situation");
        assertThat(SituationCache.read(file)).isNull();

        gzip(file, "{\"format\":\"" + SituationCache.FORMAT + "\",\"version\":" + (SituationCache.VERSION + 1)
                + ",\"savedAt\":\"2026-05-30T05:00:00Z\"}\n{\"seq\":0,\"situation\":{}}");
        assertThat(SituationCache.read(file)).isNull();

        gzip(file, "{\"format\":\"" + SituationCache.FORMAT + "\",\"version\":" + SituationCache.VERSION
                + ",\"savedAt\":\"2026-05-30T05:00:00Z\"}\n{\"seq\":1,\"situation\":{\"incidents\":[{\"bogus\":1}]}}");
        assertThat(SituationCache.read(file)).isNull();

        assertThat(SituationCache.read(dir.resolve("none.gz"))).isNull();
    }

    @Test
    void untilTheHubAnswersTheKeptSituationIsShownConnectingSinceItWasKeptAndIsNeverWrittenBack() throws Exception {
        Path file = dir.resolve("situation.gz");
        Situation s = Fixtures.district();
        SituationCache.write(file, s, SAVED);
        byte[] before = Files.readAllBytes(file);

        try (HubFeed feed = new HubFeed("http://127.0.0.1:" + freePort(), "t").start()) {
            try (SituationCache cache = new SituationCache(feed, file)) {
                assertThat(cache.kept().situation()).isEqualTo(s);
                assertThat(cache.version()).isEqualTo(1);
                assertThat(cache.firstPicture()).isNotDone(); // a hub beside the wall waits for its first frame
                assertThat(cache.latest()).isSameAs(cache.kept().situation()); // a pulse takes it and paints it
                assertThat(cache.version()).isEqualTo(1); // the next pulse
                assertThat(cache.firstPicture()).isDone();
                FeedStatus st = cache.status();
                assertThat(st.state()).isEqualTo(FeedStatus.State.KEPT);
                assertThat(st.since()).isEqualTo(SAVED);
                assertThat(st.seq()).isEqualTo(s.seq());
            }
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(before); // only a situation from the hub is kept
    }

    @Test
    void withNothingKeptTheFeedIsShownAsItIs() throws Exception {
        try (HubFeed feed = new HubFeed("http://127.0.0.1:" + freePort(), "t").start();
             SituationCache cache = new SituationCache(feed, dir.resolve("situation.gz"))) {
            assertThat(cache.kept()).isNull();
            cache.firstPicture().get(10, TimeUnit.SECONDS); // nothing to paint first: a hub beside it starts at once
            assertThat(cache.latest()).isNull();
            assertThat(cache.status().state()).isEqualTo(FeedStatus.State.CONNECTING);
        }
        assertThat(dir.resolve("situation.gz")).doesNotExist();
    }

    private static void gzip(Path file, String text) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
