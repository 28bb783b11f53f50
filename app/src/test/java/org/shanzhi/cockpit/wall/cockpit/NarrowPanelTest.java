package org.shanzhi.cockpit.wall.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.wall.StormDay;
import org.shanzhi.cockpit.wall.Theme;
import org.shanzhi.cockpit.wall.WidgetHarness;
import org.shanzhi.cockpit.wall.layout.WidgetType;

/** A panel in a tall narrow slot (the trainer's 监测预警) puts its cells two abreast, and its names stay readable. */
class NarrowPanelTest {

    static Situation storm;

    @BeforeAll
    static void fx() throws Exception {
        PanelHarness.start();
        storm = StormDay.evening();
    }

    @Test
    void theTrainersMonitoringPanelShowsItsCellsTwoAbreastWithTheAlgorithmsNamed() throws Exception {
        WidgetHarness.Sized at = WidgetHarness.shipped("trainer", "trainer", WidgetType.MONITORING);
        MonitoringPanel p = PanelHarness.mount(MonitoringPanel::new, at.width(), at.height());
        PanelHarness.show(p, storm);

        assertThat(p.isNarrow()).isTrue();
        assertThat(p.falseAlarms.rows()).isNotEmpty();
        // cut to one character ("拉…", "商…") the worst algorithms could not be told; two abreast they are written out
        List<String> cut = PanelHarness.clipped(p.node(), List.of(Theme.STATUS_TEXT, Theme.RANKING_NAME));
        assertThat(cut).as("names cut short").isEmpty();
    }

    @Test
    void aQuarterOfAMonitorKeepsFourAbreast() throws Exception {
        MonitoringPanel p = PanelHarness.mount(MonitoringPanel::new);
        PanelHarness.show(p, storm);

        assertThat(p.isNarrow()).isFalse();
        assertThat(p.isLarge()).isFalse();
    }
}
