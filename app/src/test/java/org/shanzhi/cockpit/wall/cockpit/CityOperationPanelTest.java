package org.shanzhi.cockpit.wall.cockpit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.shanzhi.cockpit.wall.cockpit.Day.opened;
import static org.shanzhi.cockpit.wall.cockpit.Day.today;
import static org.shanzhi.cockpit.wall.cockpit.Day.yesterday;

import java.util.Locale;

import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.FigureSettings;
import org.shanzhi.cockpit.domain.Kpi;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.domain.UnitStatus;
import org.shanzhi.cockpit.domain.WeatherWarning;
import org.shanzhi.cockpit.wall.I18n;
import org.shanzhi.cockpit.wall.Theme;

class CityOperationPanelTest {

    @BeforeAll
    static void fx() throws Exception {
        PanelHarness.start();
    }

    @AfterEach
    void chinese() {
        I18n.setLocale(I18n.DEFAULT);
    }

    /**
     * Yesterday one case (closed today); today three: A at 10:00 (due 14:00, overdue by 20:00), C at 16:30 due
     * 20:10 (10 min of 3 h 40 left: warning), B at 19:00 (due 23:00, fine). A storm outage: 21 of its 30 buildings
     * with power and network back, 4 more with power only.
     */
    static Situation evening() {
        return new Day()
                .at("y10:00", opened("Y", "井盖缺失", yesterday("14:00")))
                .at("10:00", opened("A", "暴露垃圾", today("14:00")))
                .at("16:30", opened("C", "道路积水", today("20:10")))
                .at("19:00", opened("B", "占道经营", today("23:00")))
                .closeCase("19:10", "Y")
                .at("19:20", new Event.OutageReported("OUT", "110106016002", "大风压断高压线", 30, 1800),
                        new Event.OutageRestored("OUT", 25, 21),
                        new Event.WarningIssued("W", WeatherWarning.Hazard.RAINSTORM, WeatherWarning.Level.ORANGE,
                                "北京市气象台", null),
                        new Event.SensorReported("S-1", 35))
                .now();
    }

    @Test
    void showsTodaysCasesAgainstTheirDeadlines() throws Exception {
        CityOperationPanel p = PanelHarness.mount(CityOperationPanel::new);
        PanelHarness.show(p, evening());

        assertThat(PanelHarness.texts(p.node())).contains("城市运行", "20:00 更新", "今日新增案件", "3", "较昨日同时 +2",
                "今日结案", "较昨日同时 +1", "按期结案 0 / 到期 2", "21/30 栋供电供网 (70%)", "暴雨橙色预警", "在办案件 3 件");
        assertThat(PanelHarness.texts(p.opened)).contains("3");
        assertThat(p.opened.value()).isEqualTo(3);
        // Y (due yesterday 14:00, closed today) and A (due 14:00, open) are due; C and B not yet: two is too few
        assertThat(p.closedOnTime.cover()).isEqualTo("样本不足 · 2 件到期");
        assertThat(p.outage.value()).isEqualTo(70.0);
        assertThat(p.weather.state()).isEqualTo(Theme.SIGNAL_ORANGE);
        assertThat(p.weather.caption()).isEqualTo("物联感知告警 1 处");
        // 事在格中解: all four cases lie in the west grid; Y, closed without a 吹哨, was solved there
        assertThat(p.solvedInGrid.title()).isEqualTo("近30日事在格中解");
        assertThat(p.solvedInGrid.value()).isEqualTo(25.0);
        assertThat(p.solvedInGrid.caption()).isEqualTo("格中解决 1 / 发现 4");

        assertThat(p.openCases.rows()).extracting(r -> r.key()).containsExactly("A", "C", "B");
        HBox overdue = p.openCases.rowNode("A");
        assertThat(overdue.getStyleClass()).contains(Theme.CRITICAL);
        assertThat(markerFill(overdue)).isEqualTo(Theme.color(Theme.CRITICAL));
        assertThat(PanelHarness.texts(overdue)).contains("暴露垃圾 · 西社区", "超期 · 已 10小时0分");
        assertThat(markerFill(p.openCases.rowNode("C"))).isEqualTo(Theme.color(Theme.WARNING));
        assertThat(markerFill(p.openCases.rowNode("B"))).isEqualTo(Theme.color(Theme.OK));
    }

    /** 按期结案率 counts the cases already due and those closed by their deadline, whatever they were opened. */
    @Test
    void closedOnTimeCountsOnlyTheCasesAlreadyDue() throws Exception {
        Situation s = new Day()
                .at("y10:00", opened("Y", "井盖缺失", yesterday("14:00"))) // due y14:00, closed today: late
                .at("08:00", opened("D", "暴露垃圾", today("12:00"))) // due 12:00, closed at 11:00: on time
                .at("10:00", opened("A", "暴露垃圾", today("14:00"))) // due 14:00, open: late
                .at("16:30", opened("C", "道路积水", today("20:10"))) // not due yet
                .closeCase("11:00", "D")
                .at("11:00", new Event.UnitStatusChanged("U-1", UnitStatus.AVL)) // free for the next case
                .closeCase("19:10", "Y")
                .now();
        CityOperationPanel p = PanelHarness.mount(CityOperationPanel::new);
        PanelHarness.show(p, CockpitFigures.of(s, FigureSettings.DEFAULT.withMinimum(new Kpi.MinimumBase(30, 3, 10, 10))));
        assertThat(p.closedOnTime.cover()).isNull();
        assertThat(p.closedOnTime.value()).isCloseTo(100.0 / 3, within(1e-9));
        assertThat(p.closedOnTime.caption()).isEqualTo("按期结案 1 / 到期 3");
        assertThat(p.closedOnTime.title()).isEqualTo("近30日按期结案率");

        // one case fewer than the minimum: the rate is not shown, the count is
        PanelHarness.show(p, CockpitFigures.of(s, FigureSettings.DEFAULT.withMinimum(new Kpi.MinimumBase(30, 4, 10, 10))));
        assertThat(p.closedOnTime.cover()).isEqualTo("样本不足 · 3 件到期");
        assertThat(p.closedOnTime.caption()).isEqualTo("按期结案 1 / 到期 3");
    }

    /** A restored outage is not 无停电: it says 已全部恢复 with its time for the rest of the day. */
    @Test
    void aRestoredOutageSaysSoWithItsTime() throws Exception {
        Situation s = new Day()
                .at("16:40", new Event.OutageReported("OUT", "110106016002", "大风压断高压线", 30, 1800))
                .at("19:40", new Event.OutageRestored("OUT", 30, 30))
                .now();
        CityOperationPanel p = PanelHarness.mount(CityOperationPanel::new);
        PanelHarness.show(p, s);
        assertThat(p.outage.value()).isEqualTo(100.0);
        assertThat(p.outage.caption()).isEqualTo("已全部恢复 19:40");
    }

    @Test
    void anEmptySituationRendersWithDashesAndNone() throws Exception {
        CityOperationPanel p = PanelHarness.mount(CityOperationPanel::new);
        PanelHarness.show(p, Situation.empty());
        assertThat(PanelHarness.texts(p.node())).contains("暂无数据", "0", "—", "无停电", "无生效预警", "暂无",
                "在办案件 0 件");
        assertThat(p.closedOnTime.cover()).isEqualTo("—");
        assertThat(p.openCases.isCovered()).isTrue();
    }

    @Test
    void speaksEnglishWhenAsked() throws Exception {
        I18n.setLocale(Locale.ENGLISH);
        CityOperationPanel p = PanelHarness.mount(CityOperationPanel::new);
        PanelHarness.show(p, evening());
        assertThat(PanelHarness.texts(p.node())).contains("City operation", "Updated 20:00", "Cases opened today",
                "vs. yesterday +2", "21/30 buildings with power and network (70%)", "Orange rainstorm warning", "Open cases: 3",
                "overdue · 10 h 0 min old");
    }

    static javafx.scene.paint.Paint markerFill(HBox row) {
        Region marker = (Region) row.getChildren().get(0);
        return marker.getBackground().getFills().get(0).getFill();
    }
}
