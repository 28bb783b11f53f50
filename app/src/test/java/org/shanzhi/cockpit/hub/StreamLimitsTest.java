package org.shanzhi.cockpit.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.shanzhi.cockpit.domain.Fixtures;

/** What a stream client, with a token or without, can make the hub hold: sessions, bytes, threads. */
class StreamLimitsTest {

    @TempDir
    Path data;
    TestHub hub;

    private TestHub start(HubLimits limits) {
        hub = new TestHub(HubRuntime.Config.local(data).withLimits(limits));
        assertThat(hub.ingest(Fixtures.inventory()).status()).isEqualTo(200);
        return hub;
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
}
