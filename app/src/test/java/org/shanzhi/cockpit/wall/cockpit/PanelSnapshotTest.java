package org.shanzhi.cockpit.wall.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.Recorded;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.hub.sim.HeyiScenario;
import org.shanzhi.cockpit.hub.sim.Simulator;
import org.shanzhi.cockpit.hub.sim.TimedEvent;
import org.shanzhi.cockpit.wall.Theme;
import org.shanzhi.cockpit.wall.Vocabulary;
import org.shanzhi.cockpit.wall.Widget;

/** The four panels on the evening of the storm (2026-05-30 20:00 Beijing), rendered to app/target/panels/. */
class PanelSnapshotTest {

    static final Instant EIGHT_PM = OffsetDateTime.of(2026, 5, 30, 20, 0, 0, 0, ZoneOffset.ofHours(8)).toInstant();
    static Situation storm;

    @BeforeAll
    static void foldTheStormDay() throws Exception {
        PanelHarness.start();
        storm = org.shanzhi.cockpit.wall.StormDay.evening();
    }

    @Test
    void figuresOfAStormEveningAreCheap() {
        CockpitFigures.of(storm); // warm up
        int runs = 50;
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            CockpitFigures.of(storm);
        }
        double ms = (System.nanoTime() - start) / 1e6 / runs;
        System.out.printf("CockpitFigures.of on the storm evening (%d events): %.2f ms%n", storm.seq(), ms);
        CockpitFigures f = CockpitFigures.of(storm);
        assertThat(f.time()).isEqualTo(EIGHT_PM);
        assertThat(f.city().outage().open()).isPositive();
        assertThat(f.monitoring().warnings()).isNotEmpty();
    }

    @Test
    void cityOperation() throws Exception {
        render("city-operation", CityOperationPanel::new);
    }

    @Test
    void monitoring() throws Exception {
        render("monitoring", MonitoringPanel::new);
    }

    @Test
    void sentiment() throws Exception {
        render("sentiment", SentimentPanel::new);
    }

    @Test
    void safety() throws Exception {
        render("safety", SafetyPanel::new);
    }

    private static void render(String name, Callable<? extends Widget> make) throws Exception {
        Widget panel = PanelHarness.mount(make);
        PanelHarness.show(panel, storm);
        BufferedImage img = PanelHarness.png(panel, Path.of("target", "panels", name + ".png"));
        assertThat(img.getWidth()).isEqualTo(960);
        assertThat(img.getHeight()).isEqualTo(540);
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 4) {
            for (int x = 0; x < img.getWidth(); x += 4) {
                colours.add(img.getRGB(x, y));
            }
        }
        assertThat(colours.size()).as("distinct colours in %s", name).isGreaterThan(50);
        List<String> clipped = PanelHarness.clipped(panel.node(),
                List.of(Theme.PANEL_TITLE, Theme.KPI_TITLE, Theme.KPI_CAPTION, Theme.STATUS_DETAIL,
                        Theme.KPI_EMPTY));
        assertThat(clipped).as("titles, captions and details cut short in %s", name).isEmpty();
        assertThat(Vocabulary.offencesShown(panel.node())).as("developer words or old names in %s", name).isEmpty();
    }
}
