package org.shanzhi.cockpit.wall.cockpit;

import org.shanzhi.cockpit.wall.I18n;
import org.shanzhi.cockpit.wall.kpi.RankingKpi;

/**
 * 社情民意 on a whole monitor: the 24-hour trend, every 诉求趋势预警 (paged), today's categories beside the week's
 * (every one), and every community's 千人诉求量 beside its orders today.
 */
final class SentimentLarge extends LargeForm {

    private final SentimentPanel panel;
    final RankingKpi categoriesToday = new RankingKpi(I18n.t("cockpit.sentiment.categoriesToday"), 1, "%.0f");
    final RankingKpi communitiesToday = new RankingKpi(I18n.t("cockpit.sentiment.communitiesToday"), 1, "%.0f");

    SentimentLarge(SentimentPanel panel) {
        super(5, 2);
        this.panel = panel;
    }

    @Override
    void layBody() {
        put(panel.trend, 0, 0, 2, 1);
        putPaged(panel.rising, 0, 1, 1, 1);
        putWhole(categoriesToday, 1, 1, 1, 1);
        putWhole(panel.categories, 2, 0, 1, 2);
        putWhole(panel.communities, 3, 0, 1, 2);
        putWhole(communitiesToday, 4, 0, 1, 2);
    }

    @Override
    void render(CockpitFigures f) {
        categoriesToday.show(SentimentPanel.entries(f.sentiment().categoriesToday()));
        communitiesToday.show(SentimentPanel.entries(f.sentiment().communitiesToday()));
    }
}
