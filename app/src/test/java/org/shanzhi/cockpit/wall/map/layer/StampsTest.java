package org.shanzhi.cockpit.wall.map.layer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import javafx.scene.image.Image;
import javafx.scene.paint.Color;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.shanzhi.cockpit.wall.WidgetHarness;

/** A symbol is drawn once per key, centred in an image that holds all of it, and the images kept are bounded. */
class StampsTest {

    @BeforeAll
    static void fx() throws Exception {
        WidgetHarness.start();
    }

    @Test
    void aSymbolIsDrawnOnceCentredAndWhole() throws Exception {
        Stamps stamps = new Stamps();
        AtomicInteger drawn = new AtomicInteger();
        Stamps.Symbol dot = (g, cx, cy) -> {
            drawn.incrementAndGet();
            g.setFill(Color.RED);
            g.fillOval(cx - 5, cy - 5, 10, 10);
        };
        Image first = WidgetHarness.fx(() -> stamps.of("dot", 5, dot));
        Image again = WidgetHarness.fx(() -> stamps.of("dot", 5, dot));

        assertThat(again).isSameAs(first);
        assertThat(drawn).hasValue(1);
        assertThat(first.getWidth()).isEqualTo(Stamps.side(5)).isEqualTo(first.getHeight());
        int middle = Stamps.side(5) / 2;
        assertThat(first.getPixelReader().getColor(middle, middle)).isEqualTo(Color.RED);
        // the edge of the image is clear of the symbol: nothing of it is cut
        assertThat(first.getPixelReader().getColor(0, middle).getOpacity()).isZero();
        assertThat(first.getPixelReader().getColor(middle, Stamps.side(5) - 1).getOpacity()).isZero();
    }

    @Test
    void theImagesKeptAreBounded() throws Exception {
        Stamps stamps = new Stamps();
        AtomicInteger drawn = new AtomicInteger();
        Stamps.Symbol dot = (g, cx, cy) -> drawn.incrementAndGet();
        WidgetHarness.fx(() -> {
            for (int i = 0; i <= Stamps.MAX; i++) {
                stamps.of(i, 2, dot);
            }
            // key 1 was dropped with the others when the cache was full
            stamps.of(1, 2, dot);
            return null;
        });
        assertThat(drawn).hasValue(Stamps.MAX + 2);
    }
}
