package org.shanzhi.cockpit.wall.cockpit;

import org.shanzhi.cockpit.wall.I18n;
import org.shanzhi.cockpit.wall.kpi.RankingKpi;
import org.shanzhi.cockpit.wall.kpi.TrendKpi;

/**
 * 城市运行 on a whole monitor: every open case against its deadline (paged), the cases opened hour by hour over
 * 24 hours, and the open cases by category and by community.
 */
final class CityLarge extends LargeForm {

    private final CityOperationPanel panel;
    final TrendKpi trend = new TrendKpi(I18n.t("cockpit.city.trend"));
    final RankingKpi byCategory = new RankingKpi(I18n.t("cockpit.city.byCategory"), 1, "%.0f");
    final RankingKpi byCommunity = new RankingKpi(I18n.t("cockpit.city.byCommunity"), 1, "%.0f");

    CityLarge(CityOperationPanel panel) {
        super(4, 2);
        this.panel = panel;
    }

    @Override
    void layBody() {
        putPaged(panel.openCases, 0, 0, 2, 2);
        put(trend, 2, 0, 2, 1);
        putWhole(byCategory, 2, 1, 1, 1);
        putWhole(byCommunity, 3, 1, 1, 1);
    }

    @Override
    void render(CockpitFigures f) {
        CockpitFigures.City c = f.city();
        trend.show(MonitoringPanel.hourLabels(c.openedHourly()), c.openedHourly().counts(), null);
        trend.setCaption(I18n.t("common.total24h", c.openedHourly().total()), null);
        byCategory.show(SentimentPanel.entries(c.openByCategory()));
        byCommunity.show(SentimentPanel.entries(c.openByCommunity()));
    }
}
