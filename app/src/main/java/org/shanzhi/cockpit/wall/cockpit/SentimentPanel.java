package org.shanzhi.cockpit.wall.cockpit;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

import org.shanzhi.cockpit.domain.Kpi;
import org.shanzhi.cockpit.wall.Formats;
import org.shanzhi.cockpit.wall.I18n;
import org.shanzhi.cockpit.wall.kpi.GaugeKpi;
import org.shanzhi.cockpit.wall.kpi.NumberKpi;
import org.shanzhi.cockpit.wall.kpi.RankingKpi;
import org.shanzhi.cockpit.wall.kpi.TrendKpi;

/** 社情民意: 12345 orders today and over 24 h, the 三率 and 综合得分, overdue orders, categories, communities. */
public final class SentimentPanel extends CockpitPanel {

    final NumberKpi orders = new NumberKpi(I18n.t("cockpit.sentiment.orders"), I18n.t("unit.orders"));
    final TrendKpi trend = new TrendKpi(I18n.t("cockpit.sentiment.trend"));
    final NumberKpi score = new NumberKpi(I18n.t("cockpit.sentiment.score", CockpitFigures.RATE_DAYS),
            I18n.t("unit.points"));
    final NumberKpi overdue = new NumberKpi(I18n.t("cockpit.sentiment.overdue"), I18n.t("unit.orders"));
    final GaugeKpi response = new GaugeKpi(I18n.t("cockpit.sentiment.response"));
    final GaugeKpi resolution = new GaugeKpi(I18n.t("cockpit.sentiment.resolution"));
    final GaugeKpi satisfaction = new GaugeKpi(I18n.t("cockpit.sentiment.satisfaction"));
    final RankingKpi categories = new RankingKpi(I18n.t("cockpit.sentiment.categories", CockpitFigures.CATEGORY_DAYS),
            5, "%.0f");
    final RankingKpi communities = new RankingKpi(I18n.t("cockpit.sentiment.communities", CockpitFigures.RATE_DAYS),
            5, "%.2f");

    public SentimentPanel() {
        super("cockpit.sentiment.title");
        place(orders, 0, 0, 1);
        place(trend, 1, 0, 1);
        place(score, 2, 0, 1);
        place(overdue, 3, 0, 1);
        HBox rates = new HBox(8, response, resolution, satisfaction);
        for (GaugeKpi g : List.of(response, resolution, satisfaction)) {
            HBox.setHgrow(g, Priority.ALWAYS);
            g.setMaxWidth(Double.MAX_VALUE);
            g.setPrefWidth(1);
        }
        place(rates, 0, 1, 2);
        place(categories, 2, 1, 1);
        place(communities, 3, 1, 1);
    }

    @Override
    void render(CockpitFigures f) {
        CockpitFigures.Sentiment s = f.sentiment();
        orders.show(s.orders().today(), null);
        orders.setCaption(I18n.t("common.vsYesterday", Formats.change(s.orders().change())), null);
        trend.show(MonitoringPanel.hourLabels(s.ordersHourly()), s.ordersHourly().counts(), null);
        trend.setCaption(I18n.t("common.total24h", s.ordersHourly().total()), null);

        Kpi.ThreeRates r = s.rates();
        if (r.evaluated() == 0 || f.minimum().enoughRevisits(r)) {
            score.show(r.score() * 100, 1, States.rate(r.score(), 0.95, 0.9));
            score.setCaption(r.evaluated() == 0 ? I18n.t("cockpit.sentiment.score.none")
                    : I18n.t("cockpit.sentiment.score.caption", r.evaluated()), null);
            response.show(r.response() * 100, States.rate(r.response(), 0.95, 0.9));
            resolution.show(r.resolution() * 100, States.rate(r.resolution(), 0.95, 0.9));
            satisfaction.show(r.satisfaction() * 100, States.rate(r.satisfaction(), 0.95, 0.9));
        } else {
            // a score from one 回访 would read 100.0: the four say how few there are, and how many a rate needs
            String tooFew = I18n.t("kpi.tooFew.revisits", r.evaluated());
            score.showTooFew(tooFew);
            score.setCaption(I18n.t("cockpit.sentiment.score.minimum", f.minimum().revisits()), null);
            for (GaugeKpi g : List.of(response, resolution, satisfaction)) {
                g.showTooFew(tooFew);
            }
        }
        overdue.show(s.overdue(), States.zeroIsGood(s.overdue()));

        categories.show(entries(s.categories()));
        communities.show(entries(s.communities()));
    }

    private static List<RankingKpi.Entry> entries(List<Kpi.Ranked> ranked) {
        List<RankingKpi.Entry> out = new ArrayList<>();
        for (Kpi.Ranked r : ranked) {
            out.add(new RankingKpi.Entry(r.name() == null ? I18n.t("common.unlocated") : r.name(), r.value()));
        }
        return out;
    }
}
