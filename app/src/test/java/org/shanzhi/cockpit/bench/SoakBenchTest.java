package org.shanzhi.cockpit.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SoakBenchTest {

    @Test
    void theTrendIsTheLineThroughTheSamplesAfterTheWarmUpPerHour() {
        double[] growing = {500, 100, 101.5, 103, 104.5}; // 1.5 MB a minute after a first sample left out
        assertThat(SoakBench.trendPerHour(growing, 1, 60_000)).isCloseTo(90, within(1e-9));
    }

    @Test
    void noiseAroundALevelHasNoTrend() {
        double[] noisy = {80, 90, 80, 90, 80, 90, 80, 90, 85};
        assertThat(SoakBench.trendPerHour(noisy, 0, 60_000)).isCloseTo(0, within(20.0));
        assertThat(SoakBench.trendPerHour(new double[] {80}, 0, 60_000)).isZero();
    }
}
