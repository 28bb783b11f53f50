package org.shanzhi.cockpit.wall.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** A dead stream is tried again after 1 s, doubling to 30 s, ±20 %; a frame starts the pauses over. */
class RetryTest {

    @Test
    void thePauseDoublesToThirtySecondsWithJitterAndAFrameStartsItAgain() {
        long[] nominal = {1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000};
        for (int round = 0; round < 50; round++) { // the jitter is random: many rounds, every one within its band
            Retry r = new Retry();
            for (long n : nominal) {
                assertThat(r.nextDelayMs()).isBetween(Math.round(n * 0.8), Math.round(n * 1.2));
            }
            r.reset();
            assertThat(r.nextDelayMs()).isBetween(800L, 1_200L);
            assertThat(r.nextDelayMs()).isBetween(1_600L, 2_400L);
        }
    }

    @Test
    void tilesOfOneDeadServerSpreadOut() {
        Set<Long> firsts = new HashSet<>();
        for (int i = 0; i < 16; i++) {
            firsts.add(new Retry().nextDelayMs());
        }
        assertThat(firsts).hasSizeGreaterThan(1);
    }
}
