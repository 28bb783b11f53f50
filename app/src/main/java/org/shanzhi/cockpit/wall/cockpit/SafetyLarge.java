package org.shanzhi.cockpit.wall.cockpit;

import java.util.ArrayList;
import java.util.List;

import org.shanzhi.cockpit.domain.Kpi;
import org.shanzhi.cockpit.wall.I18n;
import org.shanzhi.cockpit.wall.Theme;
import org.shanzhi.cockpit.wall.kpi.RankingKpi;
import org.shanzhi.cockpit.wall.kpi.StatusList;

/**
 * 安全稳定 on a whole monitor: every dispute in mediation and every 信访 matter against its deadline (paged), each
 * open 吹哨 with who has reported, and the month's disputes by type and by community.
 */
final class SafetyLarge extends LargeForm {

    private final SafetyPanel panel;
    /** Who has reported for each 吹哨: the top row's 吹哨在办 tile counts them, so the list is named for the rest. */
    final StatusList whistles = new StatusList(I18n.t("cockpit.safety.whistleList"), 5);
    final RankingKpi disputeTypes = new RankingKpi(
            I18n.t("cockpit.safety.disputeTypes", CockpitFigures.RATE_DAYS), 1, "%.0f");
    final RankingKpi disputeCommunities = new RankingKpi(
            I18n.t("cockpit.safety.disputeCommunities", CockpitFigures.RATE_DAYS), 1, "%.0f");

    SafetyLarge(SafetyPanel panel) {
        super(6, 3); // the lists two columns wide: a dispute's or 信访's subject and its deadline both fit
        this.panel = panel;
    }

    @Override
    void layBody() {
        putPaged(panel.disputes, 0, 0, 2, 2);
        putPaged(whistles, 0, 2, 2, 1);
        putPaged(panel.petitions, 2, 0, 2, 3);
        putWhole(disputeTypes, 4, 0, 1, 3);
        putWhole(disputeCommunities, 5, 0, 1, 3);
    }

    @Override
    void render(CockpitFigures f) {
        List<StatusList.Row> rows = new ArrayList<>();
        for (Kpi.WhistleStatus w : f.safety().whistles()) {
            rows.add(new StatusList.Row(w.id(), w.reason(),
                    I18n.t("cockpit.safety.whistles.caption", w.arrived(), w.summoned()),
                    w.arrived() < w.summoned() ? Theme.WARNING : Theme.OK));
        }
        whistles.show(rows);
        disputeTypes.show(SentimentPanel.entries(f.safety().disputeTypes()));
        disputeCommunities.show(SentimentPanel.entries(f.safety().disputeCommunities()));
    }
}
