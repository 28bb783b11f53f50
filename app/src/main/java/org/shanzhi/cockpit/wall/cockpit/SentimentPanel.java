package org.shanzhi.cockpit.wall.cockpit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.scene.control.OverrunStyle;

import org.shanzhi.cockpit.domain.Forecast;
import org.shanzhi.cockpit.domain.Kpi;
import org.shanzhi.cockpit.domain.Rankings;
import org.shanzhi.cockpit.domain.Ratio;
import org.shanzhi.cockpit.wall.Formats;
import org.shanzhi.cockpit.wall.I18n;
import org.shanzhi.cockpit.wall.Theme;
import org.shanzhi.cockpit.wall.kpi.FigureTable;
import org.shanzhi.cockpit.wall.kpi.NumberKpi;
import org.shanzhi.cockpit.wall.kpi.RankingKpi;
import org.shanzhi.cockpit.wall.kpi.StatusList;
import org.shanzhi.cockpit.wall.kpi.TrendKpi;

/**
 * 社情民意: 12345 orders today (and the overdue ones) and over 24 h, 综合得分, 未诉先办, the 三率 with 和E办's forecast
 * for the month's end, 诉求趋势预警, categories, and 千人诉求量 by community beside the street's.
 */
public final class SentimentPanel extends CockpitPanel {

    final NumberKpi orders = new NumberKpi(I18n.t("cockpit.sentiment.orders"), I18n.t("unit.orders"));
    final TrendKpi trend = new TrendKpi(I18n.t("cockpit.sentiment.trend"));
    final NumberKpi score = new NumberKpi(I18n.t("cockpit.sentiment.score", CockpitFigures.RATE_DAYS),
            I18n.t("unit.points"));
    final NumberKpi proactive = new NumberKpi(I18n.t("cockpit.sentiment.proactive", CockpitFigures.RATE_DAYS), "%");
    final FigureTable rates = new FigureTable(I18n.t("cockpit.sentiment.rates"));
    final StatusList rising = new StatusList(I18n.t("cockpit.sentiment.rising"), 5);
    final RankingKpi categories = new RankingKpi(I18n.t("cockpit.sentiment.categories", CockpitFigures.CATEGORY_DAYS),
            5, "%.0f");
    final RankingKpi communities = new RankingKpi(I18n.t("cockpit.sentiment.communities", CockpitFigures.RATE_DAYS),
            5, "%.2f");

    public SentimentPanel() {
        super("cockpit.sentiment.title");
        place(orders, 0, 0, 1);
        place(trend, 1, 0, 1);
        place(score, 2, 0, 1);
        place(proactive, 3, 0, 1);
        place(rates, 0, 1, 1);
        place(rising, 1, 1, 1);
        place(categories, 2, 1, 1);
        place(communities, 3, 1, 1);
        rising.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS); // its communities differ at the end: 东里第一 / 第三
    }

    @Override
    LargeForm largeForm() {
        return new SentimentLarge(this);
    }

    @Override
    void render(CockpitFigures f) {
        CockpitFigures.Sentiment s = f.sentiment();
        orders.show(s.orders().today(), null);
        orders.setCaption(I18n.t("cockpit.sentiment.orders.caption", Formats.change(s.orders().change()),
                s.overdue()), s.overdue() > 0 ? Theme.WARNING : null);
        trend.show(MonitoringPanel.hourLabels(s.ordersHourly()), s.ordersHourly().counts(), null);
        trend.setCaption(I18n.t("common.total24h", s.ordersHourly().total()), null);

        Kpi.ThreeRates r = s.rates();
        Kpi.ThreeRates end = s.monthEnd().atMonthEnd();
        boolean enough = r.evaluated() == 0 || f.minimum().enoughRevisits(r);
        if (enough) {
            score.show(r.score() * 100, 1, States.rate(r.score(), 0.95, 0.9));
            score.setCaption(r.evaluated() == 0 ? I18n.t("cockpit.sentiment.score.none")
                    : I18n.t("cockpit.sentiment.score.caption", r.evaluated()), null);
        } else {
            // a score from one 回访 would read 100.0: the cells say how few there are, and how many a rate needs
            score.showTooFew(I18n.t("kpi.tooFew.revisits", r.evaluated()));
            score.setCaption(I18n.t("cockpit.sentiment.score.minimum", f.minimum().revisits()), null);
        }
        List<FigureTable.Row> rows = new ArrayList<>();
        rows.add(rate("cockpit.sentiment.score.row", r.score(), end.score(), enough));
        rows.add(rate("cockpit.sentiment.response", r.response(), end.response(), enough));
        rows.add(rate("cockpit.sentiment.resolution", r.resolution(), end.resolution(), enough));
        rows.add(rate("cockpit.sentiment.satisfaction", r.satisfaction(), end.satisfaction(), enough));
        rates.show(I18n.t("cockpit.sentiment.rates.now", CockpitFigures.RATE_DAYS),
                I18n.t("cockpit.sentiment.rates.monthEnd"), rows);
        // the forecast's basis: how many recent 回访 its trend rests on
        rates.setCaption(I18n.t("cockpit.sentiment.rates.basis", s.monthEnd().recentDays(),
                s.monthEnd().recent().evaluated()), null);

        Ratio p = s.proactive();
        proactive.show(p.percent(), 1, null);
        proactive.setCaption(I18n.t("cockpit.sentiment.proactive.caption", p.part(), p.whole()), null);

        List<StatusList.Row> up = new ArrayList<>();
        for (Forecast.Rising x : s.rising()) {
            // "和义东里第三社区" less its 社区 leaves room for the figures in a quarter of the panel
            String name = x.group() == Forecast.Group.COMMUNITY && x.name().endsWith("社区")
                    ? x.name().substring(0, x.name().length() - 2) : x.name();
            up.add(new StatusList.Row(x.group() + "/" + x.name(), name, I18n.t("cockpit.sentiment.rising.detail",
                    x.lastWeek(), String.format(Locale.ROOT, "%.1f", x.mean())), Theme.WARNING));
        }
        rising.show(up);
        rising.setCaption(I18n.t("cockpit.sentiment.rising.caption", Forecast.TrendRule.DEFAULT.weeks(),
                String.format(Locale.ROOT, "%.0f", Forecast.TrendRule.DEFAULT.sigmas())), null);

        categories.show(entries(s.categories()));
        communities.show(entries(s.communities()));
        communities.setCaption(Double.isNaN(s.perThousand()) ? null
                : I18n.t("cockpit.sentiment.street", String.format(Locale.ROOT, "%.2f", s.perThousand())), null);
    }

    /** A 三率 line: the rate now and at the month's end, or 样本不足 for both below the minimum of 回访. */
    private static FigureTable.Row rate(String key, double now, double monthEnd, boolean enough) {
        if (!enough) {
            return new FigureTable.Row(I18n.t(key), I18n.t("kpi.tooFew"), null, "", null);
        }
        return new FigureTable.Row(I18n.t(key), percent(now), States.rate(now, 0.95, 0.9), percent(monthEnd),
                States.rate(monthEnd, 0.95, 0.9));
    }

    private static String percent(double rate) {
        return Double.isNaN(rate) ? I18n.t("common.missing") : String.format(Locale.ROOT, "%.1f", rate * 100);
    }

    static List<RankingKpi.Entry> entries(List<Rankings.Ranked> ranked) {
        List<RankingKpi.Entry> out = new ArrayList<>();
        for (Rankings.Ranked r : ranked) {
            out.add(new RankingKpi.Entry(r.name() == null ? I18n.t("common.unlocated") : r.name(), r.value()));
        }
        return out;
    }
}
