package org.shanzhi.cockpit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MapFramesTest {

    @Test
    void aQuantileIsTheNearestRank() {
        double[] frames = {40, 10, 30, 20};
        assertThat(MapFrames.quantile(frames, 0.5)).isEqualTo(20);
        assertThat(MapFrames.quantile(frames, 0.99)).isEqualTo(40);
        assertThat(MapFrames.quantile(frames, 0)).isEqualTo(10);
    }

    @Test
    void aSideThatDrewNoFrameHasNoQuantileRatherThanFailingTheRun() {
        assertThat(MapFrames.quantile(new double[0], 0.99)).isNaN();
    }
}
