package org.shanzhi.cockpit.wall.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.shanzhi.cockpit.domain.Complaint;
import org.shanzhi.cockpit.domain.ComplaintState;
import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.FigureSettings;
import org.shanzhi.cockpit.domain.Kpi;
import org.shanzhi.cockpit.domain.Fixtures;
import org.shanzhi.cockpit.domain.GeoPoint;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.wall.I18n;
import org.shanzhi.cockpit.wall.kpi.FigureTable;
import org.shanzhi.cockpit.wall.kpi.RankingKpi;

class SentimentPanelTest {

    @BeforeAll
    static void fx() throws Exception {
        PanelHarness.start();
    }

    @AfterEach
    void chinese() {
        I18n.setLocale(I18n.DEFAULT);
    }

    static Event order(String no, String category, GeoPoint at, Complaint.Priority p) {
        return new Event.ComplaintReceived(no, Complaint.Channel.PHONE, Complaint.Type.COMPLAINT, category, p, at,
                null, false);
    }

    /** Three orders today (one urgent and 2 h past its limit), one yesterday; nobody called back yet. */
    static Day orders() {
        return new Day()
                .at("y09:00", order("O-0", "供暖", Fixtures.EAST, Complaint.Priority.NORMAL))
                .at("17:00", order("O-1", "物业管理", Fixtures.EAST, Complaint.Priority.URGENT))
                .at("19:10", order("O-2", "物业管理", Fixtures.WEST, Complaint.Priority.NORMAL))
                .at("19:30", order("O-3", "停车", Fixtures.EAST, Complaint.Priority.NORMAL));
    }

    @Test
    void withNothingRevisitedTheThreeRatesShowADash() throws Exception {
        SentimentPanel p = PanelHarness.mount(SentimentPanel::new);
        PanelHarness.show(p, orders().now());
        assertThat(PanelHarness.texts(p.node())).contains("社情民意", "今日12345诉求", "3", "较昨日 +2 · 超期 1 件",
                "暂无回访", "响应率", "解决率", "满意率");
        assertThat(p.rates.rows()).extracting(FigureTable.Row::figure).containsOnly("—");
        assertThat(p.score.isCovered()).isTrue();
        assertThat(p.orders.caption()).isEqualTo("较昨日 +2 · 超期 1 件");
        // four 12345 orders in the 30 days and no case found first
        assertThat(p.proactive.caption()).isEqualTo("0 / 4 件");
        Situation s = orders().now();
        assertThat(p.communities.caption()).isEqualTo("全街道 "
                + String.format(Locale.ROOT, "%.2f", 4 / (s.population() / 1000.0)));
        assertThat(p.categories.entries()).containsExactly(new RankingKpi.Entry("物业管理", 2),
                new RankingKpi.Entry("供暖", 1), new RankingKpi.Entry("停车", 1));
        assertThat(PanelHarness.texts(p.categories)).contains("物业管理", "2");
        assertThat(p.communities.entries().get(0)).isEqualTo(new RankingKpi.Entry("东社区", 3 / 24.0));
    }

    /** One 回访 would read 100.0: below the minimum the four say how few there are; at it, the gauges fill. */
    @Test
    void oneRevisitIsTooFewForARateUntilTheMinimumAllowsIt() throws Exception {
        Day d = orders();
        for (ComplaintState st : List.of(ComplaintState.DISPATCHED, ComplaintState.SIGNED, ComplaintState.CONTACTED,
                ComplaintState.IN_PROGRESS, ComplaintState.REPLIED)) {
            d.at("19:40", new Event.ComplaintAdvanced("O-2", st));
        }
        d.at("19:50", new Event.ComplaintRevisited("O-2", true, Complaint.Resolution.YES,
                Complaint.Satisfaction.BASICALLY_SATISFIED));
        Situation s = d.now();
        SentimentPanel p = PanelHarness.mount(SentimentPanel::new);
        PanelHarness.show(p, s);
        assertThat(p.score.cover()).isEqualTo("样本不足 · 1 份回访");
        assertThat(p.rates.rows()).extracting(FigureTable.Row::figure).containsOnly("样本不足");
        assertThat(p.score.caption()).isEqualTo("满 30 份回访才计分");
        assertThat(PanelHarness.texts(p.node())).doesNotContain("100.0", "—");

        PanelHarness.show(p, CockpitFigures.of(s, FigureSettings.DEFAULT.withMinimum(new Kpi.MinimumBase(1, 10, 10, 10))));
        // now and at the month's end alike: the one 回访 is both the month so far and the recent trend
        assertThat(p.rates.rows()).extracting(FigureTable.Row::figure).containsExactly("86.0", "100.0", "100.0",
                "60.0");
        assertThat(p.rates.rows()).extracting(FigureTable.Row::extra).containsExactly("86.0", "100.0", "100.0",
                "60.0");
        assertThat(p.rates.caption()).isEqualTo("按近7日趋势 · 1 份回访");
        assertThat(PanelHarness.texts(p.node())).contains("回访 1 件");
    }

    @Test
    void emptyAndEnglish() throws Exception {
        I18n.setLocale(Locale.ENGLISH);
        SentimentPanel p = PanelHarness.mount(SentimentPanel::new);
        PanelHarness.show(p, Situation.empty());
        assertThat(PanelHarness.texts(p.node())).contains("Public sentiment", "12345 orders today", "Response",
                "Resolution", "Satisfaction", "Nothing revisited", "—", "None");
        assertThat(p.categories.isCovered()).isTrue();
    }
}
