package org.shanzhi.cockpit.wall.cockpit;

import java.util.List;

import javafx.scene.layout.Region;

import org.shanzhi.cockpit.wall.I18n;
import org.shanzhi.cockpit.wall.Theme;
import org.shanzhi.cockpit.wall.kpi.NumberKpi;

/**
 * 监测预警 on a whole monitor: the alerts waiting for review as a figure of their own, the 24-hour trend, every
 * warning in force and sensor in alarm (paged), today's alerts by algorithm and the 误报率 of every algorithm.
 */
final class MonitoringLarge extends LargeForm {

    private final MonitoringPanel panel;
    final NumberKpi pending = new NumberKpi(I18n.t("cockpit.monitoring.pending"), I18n.t("unit.alerts"));

    MonitoringLarge(MonitoringPanel panel) {
        super(4, 3);
        this.panel = panel;
    }

    @Override
    List<Region> figures() {
        return List.of(pending);
    }

    @Override
    void layBody() {
        put(panel.trend, 0, 0, 2, 2);
        putPaged(panel.warningsAndAlarms, 0, 2, 2, 1);
        putWhole(panel.kindsToday, 2, 0, 1, 3);
        putPaged(panel.falseAlarms, 3, 0, 1, 3);
    }

    @Override
    void render(CockpitFigures f) {
        int n = f.monitoring().alertsPending();
        pending.show(n, n > 0 ? Theme.WARNING : Theme.OK);
    }
}
