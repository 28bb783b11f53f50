package org.shanzhi.cockpit.wall.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import javafx.scene.control.Label;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.shanzhi.cockpit.domain.Dispute;
import org.shanzhi.cockpit.domain.DisputeState;
import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.FigureSettings;
import org.shanzhi.cockpit.domain.Kpi;
import org.shanzhi.cockpit.domain.Petition;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.domain.Whistle;
import org.shanzhi.cockpit.wall.I18n;
import org.shanzhi.cockpit.wall.Theme;
import org.shanzhi.cockpit.wall.kpi.FigureTable;

class SafetyPanelTest {

    @BeforeAll
    static void fx() throws Exception {
        PanelHarness.start();
    }

    @AfterEach
    void chinese() {
        I18n.setLocale(I18n.DEFAULT);
    }

    static Situation evening() {
        return new Day()
                .at("09:00", new Event.KeyPeriodDeclared("KP", "全国两会", Instant.parse("2026-05-20T00:00:00+08:00"),
                        Instant.parse("2026-06-10T00:00:00+08:00")))
                .at("10:00", new Event.DisputeRegistered("D-RED", "物业纠纷", Dispute.Level.COMPLEX, Dispute.Risk.RED,
                        "110106016002", "街道调委会", Instant.parse("2026-05-30T18:00:00+08:00"), null, null),
                        new Event.DisputeRegistered("D-YEL", "邻里纠纷", Dispute.Level.SIMPLE, Dispute.Risk.YELLOW,
                                "110106016001", "西社区调委会", null, null, null),
                        new Event.PetitionRegistered("P-1", Petition.Form.VISIT, 2, "拆迁补偿", null),
                        new Event.IntelReported("Q-1", "XX-1", "群体性苗头", null, null, "聚集", null))
                .at("y10:00", new Event.IntelReported("Q-0", "XX-2", "治安", null, null, "昨日", null))
                .at("19:00", new Event.WhistleBlown("WH", Whistle.Kind.EMERGENCY, "倒树压线",
                        List.of("供电公司", "园林绿化队"), null))
                .at("19:20", new Event.WhistleArrived("WH", "供电公司"))
                .now();
    }

    @Test
    void showsDisputesPetitionsWhistlesAndTheKeyPeriod() throws Exception {
        SafetyPanel p = PanelHarness.mount(SafetyPanel::new);
        PanelHarness.show(p, evening());
        assertThat(PanelHarness.texts(p.node())).contains("安全稳定", "在调纠纷 2 件", "物业纠纷 · 东社区 · 红",
                "超期 18:00", "截止 06-29 10:00", "信访事项 1 件", "拆迁补偿 · 2人", "受理截止 06-14 10:00",
                "已报到 1 / 应到 2", "全国两会 进行中", "成功 0 / 办结 0", "—");
        assertThat(p.disputes.caption()).isEqualTo("今日情报信息上报 1 条");
        // nothing decided or answered yet in the 30 days; the one petition's visitors against last year's 34
        assertThat(p.petitionFigures.rows()).extracting(FigureTable.Row::figure).first().isEqualTo("—");
        assertThat(p.petitionFigures.caption()).isEqualTo("同比 · 去年同期 34 人次");
        assertThat(PanelHarness.texts(p.quiet)).contains("10");
        assertThat(p.disputes.rows()).extracting(r -> r.key()).containsExactly("D-RED", "D-YEL");
        var red = p.disputes.rowNode("D-RED");
        assertThat(CityOperationPanelTest.markerFill(red)).isEqualTo(Theme.color(Theme.SIGNAL_RED));
        Label detail = (Label) red.getChildren().get(2);
        assertThat(detail.getTextFill()).isEqualTo(Theme.color(Theme.CRITICAL));
        assertThat(CityOperationPanelTest.markerFill(p.disputes.rowNode("D-YEL")))
                .isEqualTo(Theme.color(Theme.SIGNAL_YELLOW));
    }

    /** Two mediations ended are too few for a rate; the caption still counts them. */
    @Test
    void twoMediationsAreTooFewForASuccessRate() throws Exception {
        Day d = new Day();
        for (String id : List.of("D-1", "D-2")) {
            d.at("09:00", new Event.DisputeRegistered(id, "邻里纠纷", Dispute.Level.SIMPLE, Dispute.Risk.YELLOW,
                    "110106016001", "西社区调委会", null, null, null));
            for (DisputeState st : List.of(DisputeState.TRIAGED, DisputeState.ASSIGNED, DisputeState.MEDIATING)) {
                d.at("10:00", new Event.DisputeAdvanced(id, st, null));
            }
        }
        d.at("11:00", new Event.DisputeAdvanced("D-1", DisputeState.AGREED, Dispute.Outcome.AGREEMENT_WRITTEN));
        d.at("12:00", new Event.DisputeAdvanced("D-2", DisputeState.TERMINATED, Dispute.Outcome.TERMINATED));
        Situation s = d.now();
        SafetyPanel p = PanelHarness.mount(SafetyPanel::new);
        PanelHarness.show(p, s);
        assertThat(p.mediation.cover()).isEqualTo("样本不足 · 办结 2 件");
        assertThat(p.mediation.caption()).isEqualTo("成功 1 / 办结 2");
        assertThat(PanelHarness.texts(p.quiet)).contains("群体访零发生 · 连续");

        PanelHarness.show(p, CockpitFigures.of(s, FigureSettings.DEFAULT.withMinimum(new Kpi.MinimumBase(30, 10, 2, 10))));
        assertThat(p.mediation.cover()).isNull();
        assertThat(p.mediation.value()).isEqualTo(50.0);
    }

    @Test
    void emptyInEnglish() throws Exception {
        I18n.setLocale(Locale.ENGLISH);
        SafetyPanel p = PanelHarness.mount(SafetyPanel::new);
        PanelHarness.show(p, Situation.empty());
        assertThat(PanelHarness.texts(p.node())).contains("Safety & stability", "Disputes in mediation: 0",
                "Petitions: 0", "None", "No key period", "No group petitions · running", "—");
        assertThat(p.disputes.isCovered()).isTrue();
        assertThat(p.petitions.isCovered()).isTrue();
    }
}
