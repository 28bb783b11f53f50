package org.shanzhi.cockpit.wall.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.FieldUnit;
import org.shanzhi.cockpit.domain.Fixtures;
import org.shanzhi.cockpit.domain.GeoPoint;
import org.shanzhi.cockpit.domain.Incident;
import org.shanzhi.cockpit.domain.IncidentState;
import org.shanzhi.cockpit.domain.Recommendations;
import org.shanzhi.cockpit.domain.Recorded;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.domain.UnitStatus;
import org.shanzhi.cockpit.wall.I18n;
import org.shanzhi.cockpit.wall.Theme;
import org.shanzhi.cockpit.wall.WidgetHarness;
import org.shanzhi.cockpit.wall.drill.DrillMark;
import org.shanzhi.cockpit.wall.layout.WidgetType;
import org.shanzhi.cockpit.wall.map.geo.BaseMapLoader;

class IncidentsWidgetTest {

    static final GeoPoint NEAR_U3 = new GeoPoint(116.386, 39.815);
    static final GeoPoint EAST_SIDE = new GeoPoint(116.405, 39.815);

    @BeforeAll
    static void fx() throws Exception {
        WidgetHarness.start();
        BaseMapLoader.shared().join(); // the units are ranked along the Heyi roads, not straight
    }

    @AfterEach
    void chinese() {
        I18n.setLocale(I18n.DEFAULT);
    }

    /** Events at Beijing times of 2026-05-30 on the fixture district. */
    static final class Evening {
        Situation s = Fixtures.district();

        Evening at(String hhmm, Event... events) {
            Instant t = Instant.parse("2026-05-30T" + hhmm + ":00+08:00");
            for (Event e : events) {
                s = s.apply(new Recorded(s.seq() + 1, t, e));
            }
            return this;
        }

        /** The situation at {@code hhmm} (its time is its newest event). */
        Situation until(String hhmm) {
            return at(hhmm, new Event.KeyPeriodDeclared("KP-" + hhmm, "时钟", Instant.parse("2000-01-01T00:00:00Z"),
                    Instant.parse("2000-01-02T00:00:00Z"))).s;
        }
    }

    static Event opened(String id, String title, Incident.Severity severity, GeoPoint at, Instant deadline) {
        return new Event.IncidentOpened(id, title, "市容环境", Incident.Source.GRID_WORKER, severity, null, at, deadline,
                null);
    }

    /**
     * A (low, 10:00, due 14:00: overdue), D (high, due 20:10: warning), B (high, 19:00, waiting for dispatch), C (critical,
     * 19:30, unit U-4 on its way), E (critical, closed). Units: U-1 free at the west gate, U-3 patrolling 427 m east
     * of it (both reported their position at 19:58), U-4 busy with C, U-2 off.
     */
    static Evening evening() {
        Evening e = new Evening()
                .at("08:00", new Event.UnitRegistered(new FieldUnit("U-3", "巡查三", FieldUnit.Role.GRID_WORKER,
                                UnitStatus.AVL, new GeoPoint(116.385, 39.815), 0, null, null, false)),
                        new Event.UnitRegistered(new FieldUnit("U-4", "物业四", FieldUnit.Role.PROPERTY, UnitStatus.AVL,
                                EAST_SIDE, 0, null, null, false)),
                        new Event.UnitStatusChanged("U-3", UnitStatus.PAT))
                .at("10:00", opened("A", "暴露垃圾", Incident.Severity.LOW, Fixtures.WEST,
                        Instant.parse("2026-05-30T14:00:00+08:00")))
                .at("16:30", opened("D", "井盖异常", Incident.Severity.HIGH, Fixtures.WEST,
                        Instant.parse("2026-05-30T20:10:00+08:00")))
                .at("17:00", opened("E", "树木倒伏", Incident.Severity.CRITICAL, EAST_SIDE, null),
                        new Event.IncidentAdvanced("E", IncidentState.REGISTERED, null),
                        new Event.IncidentAdvanced("E", IncidentState.PENDING_DISPATCH, null),
                        new Event.IncidentDispatched("E", "U-4"),
                        new Event.UnitStatusChanged("U-4", UnitStatus.ACK))
                .at("18:00", new Event.IncidentAdvanced("E", IncidentState.IN_PROGRESS, null),
                        new Event.IncidentAdvanced("E", IncidentState.DISPOSED, null),
                        new Event.IncidentAdvanced("E", IncidentState.CHECKING, null),
                        new Event.IncidentAdvanced("E", IncidentState.CLOSED, null),
                        new Event.UnitStatusChanged("U-4", UnitStatus.ENR),
                        new Event.UnitStatusChanged("U-4", UnitStatus.AVL))
                .at("19:00", opened("B", "道路积水", Incident.Severity.HIGH, NEAR_U3, null),
                        new Event.IncidentAdvanced("B", IncidentState.REGISTERED, null),
                        new Event.IncidentAdvanced("B", IncidentState.PENDING_DISPATCH, null))
                .at("19:30", opened("C", "架空线缆脱落", Incident.Severity.CRITICAL, EAST_SIDE, null),
                        new Event.IncidentAdvanced("C", IncidentState.REGISTERED, null),
                        new Event.IncidentAdvanced("C", IncidentState.PENDING_DISPATCH, null),
                        new Event.IncidentDispatched("C", "U-4"),
                        new Event.UnitStatusChanged("U-4", UnitStatus.ACK),
                        new Event.UnitStatusChanged("U-4", UnitStatus.ENR))
                .at("19:58", new Event.UnitMoved("U-1", Fixtures.WEST, 0),
                        new Event.UnitMoved("U-3", new GeoPoint(116.385, 39.815), 0));
        return e;
    }

    static IncidentsWidget mount(String options) throws Exception {
        return WidgetHarness.mount(() -> new IncidentsWidget(WidgetHarness.placement(WidgetType.INCIDENTS, options)),
                474, 1080);
    }

    @Test
    void listsOpenCasesOverdueFirstThenBySeverityAndAge() throws Exception {
        IncidentsWidget w = mount("{\"show\":\"open\",\"limit\":20}");
        WidgetHarness.show(w, evening().until("20:00"));

        assertThat(w.rows()).extracting(IncidentsWidget.CaseRow::id).containsExactly("A", "C", "D", "B");
        assertThat(WidgetHarness.texts(w.node())).contains("事件调度", "在办 4 件", "20:00 更新");

        Node a = w.rowNode("A");
        assertThat(WidgetHarness.texts(a)).contains("一般", "暴露垃圾", "超期 · 已 10小时0分", "上报", "市容环境 · 西社区",
                "未派单");
        assertThat(sla(a).getStyleClass()).contains(Theme.CRITICAL);
        assertThat(((Labeled) WidgetHarness.labelWith(a, IncidentsWidget.SEVERITY)).getStyleClass())
                .contains(Theme.INFO);

        Node c = w.rowNode("C");
        assertThat(WidgetHarness.texts(c)).contains("特急", "架空线缆脱落", "已派遣", "物业四", "在途", "已 30分钟");
        assertThat(sla(c).getStyleClass()).contains(Theme.OK);
        assertThat(WidgetHarness.labelWith(c, IncidentsWidget.UNIT).getStyleClass()).contains(Theme.INFO);

        Node d = w.rowNode("D");
        assertThat(WidgetHarness.texts(d)).contains("临期 · 已 3小时30分");
        assertThat(sla(d).getStyleClass()).contains(Theme.WARNING);

        Node b = w.rowNode("B");
        assertThat(WidgetHarness.texts(b)).contains("待派遣", "未派单", "已 1小时0分");
        assertThat(WidgetHarness.labelWith(b, IncidentsWidget.STATE).getStyleClass()).contains(Theme.WARNING);
        assertThat(WidgetHarness.labelWith(b, IncidentsWidget.UNIT).getStyleClass()).contains(Theme.WARNING);

        assertThat(WidgetHarness.texts(w.node())).contains("单兵力量 · 共 4 人", "在岗可派", "2", "任务中", "1",
                "不在岗/暂离");
    }

    @Test
    void showsTheUnitsRecommendedForTheSelectedCaseAndKeepsTheSelection() throws Exception {
        IncidentsWidget w = mount("{}");
        WidgetHarness.show(w, evening().until("20:00"));

        // nothing chosen: the most urgent case is selected
        assertThat(w.selected()).isEqualTo("A");
        assertThat(w.rowNode("A").getStyleClass()).contains(IncidentsWidget.SELECTED);
        assertThat(near(w)).containsExactly("网格员一 · 网格员|在岗待命|约 1 分钟 · 电动车",
                "巡查三 · 网格员|巡查中|约 7 分钟 · 电动车"); // 427 m straight, ~1.1 km by 和义中街
        assertThat(WidgetHarness.texts(w.node())).contains("推荐派遣 · 暴露垃圾");

        WidgetHarness.fx(() -> {
            w.select("B");
            return null;
        });
        assertThat(w.selected()).isEqualTo("B");
        assertThat(w.rowNode("B").getStyleClass()).contains(IncidentsWidget.SELECTED);
        assertThat(w.rowNode("A").getStyleClass()).doesNotContain(IncidentsWidget.SELECTED);
        assertThat(near(w)).containsExactly("巡查三 · 网格员|巡查中|约 1 分钟 · 电动车", "网格员一 · 网格员|在岗待命|约 8 分钟 · 电动车");

        // a new critical case comes in and the rows move: B stays selected
        Situation later = evening()
                .at("20:05", opened("F", "燃气泄漏", Incident.Severity.CRITICAL, Fixtures.WEST, null))
                .until("20:06");
        WidgetHarness.show(w, later);
        assertThat(w.rows()).extracting(IncidentsWidget.CaseRow::id).containsExactly("A", "C", "F", "D", "B");
        assertThat(w.selected()).isEqualTo("B");
        assertThat(w.rowNode("B").getStyleClass()).contains(IncidentsWidget.SELECTED);
        assertThat(near(w)).first().asString().startsWith("巡查三");

        // once U-3 takes B, only U-1 is free
        WidgetHarness.show(w, evening().at("20:07", new Event.IncidentDispatched("B", "U-3")).until("20:08"));
        assertThat(w.selected()).isEqualTo("B");
        assertThat(WidgetHarness.texts(w.rowNode("B"))).contains("已派遣", "巡查三", "已派单");
        // U-1 last reported at 19:58: ten minutes on, its position is greyed with its age
        assertThat(near(w)).containsExactly("网格员一 · 网格员|在岗待命|约 8 分钟 · 电动车 · 位置 10 分钟前");
        Labeled eta = (Labeled) w.nearestList().lookup("." + IncidentsWidget.NEAR_DISTANCE);
        assertThat(eta.getStyleClass()).contains(Theme.STALE);
    }

    @Test
    void aDrillsCaseCarriesTheDrillMarkAndALiveCaseNone() throws Exception {
        Evening e = evening();
        Instant t = Instant.parse("2026-05-30T20:01:00+08:00");
        e.s = e.s.apply(new Recorded(e.s.seq() + 1, t, new Event.DrillStarted("YL-1", "内涝演练", null), "YL-1"));
        e.s = e.s.apply(new Recorded(e.s.seq() + 1, t, opened("YL-1:case", "地道积水", Incident.Severity.CRITICAL,
                Fixtures.WEST, null), "YL-1"));
        IncidentsWidget w = mount("{\"show\":\"open\",\"limit\":20}");
        WidgetHarness.show(w, e.until("20:02"));

        assertThat(w.rows()).extracting(IncidentsWidget.CaseRow::id).contains("YL-1:case", "B");
        assertThat(WidgetHarness.labelWith(w.rowNode("YL-1:case"), DrillMark.STYLE).getText()).isEqualTo("演练");
        assertThat(WidgetHarness.texts(w.rowNode("YL-1:case"))).contains("演练", "地道积水");
        assertThat(w.rowNode("B").lookup("." + DrillMark.STYLE)).isNull();
        assertThat(WidgetHarness.texts(w.rowNode("B"))).doesNotContain("演练");
    }

    @Test
    void optionsShowAllAndLimit() throws Exception {
        IncidentsWidget w = mount("{\"show\":\"all\",\"limit\":3}");
        WidgetHarness.show(w, evening().until("20:00"));
        assertThat(w.rows()).extracting(IncidentsWidget.CaseRow::id).containsExactly("A", "C", "D");
        assertThat(WidgetHarness.texts(w.node())).contains("全部 5 件", "另有 2 项");

        IncidentsWidget all = mount("{\"show\":\"all\"}");
        WidgetHarness.show(all, evening().until("20:00"));
        assertThat(all.rows()).extracting(IncidentsWidget.CaseRow::id).containsExactly("A", "C", "D", "B", "E");
        Node e = all.rowNode("E");
        assertThat(WidgetHarness.texts(e)).contains("结案", "用时 1小时0分", "物业四", "已离开");
        assertThat(WidgetHarness.labelWith(e, IncidentsWidget.STATE).getStyleClass()).contains(Theme.STALE);
    }

    @Test
    void anEmptyBoardSaysSo() throws Exception {
        IncidentsWidget w = mount("{}");
        WidgetHarness.show(w, Fixtures.district());
        assertThat(w.rows()).isEmpty();
        assertThat(w.selected()).isNull();
        assertThat(WidgetHarness.texts(w.node())).contains("在办 0 件", "暂无在办案件", "未选中案件", "单兵力量 · 共 2 人");

        IncidentsWidget nothing = mount("{}");
        WidgetHarness.show(nothing, Situation.empty());
        assertThat(WidgetHarness.texts(nothing.node())).contains("暂无数据", "暂无在办案件");
    }

    @Test
    void noFreeUnitIsSaidInRed() throws Exception {
        IncidentsWidget w = mount("{}");
        Situation s = new Evening()
                .at("19:00", new Event.UnitStatusChanged("U-1", UnitStatus.UNA),
                        opened("A", "暴露垃圾", Incident.Severity.LOW, Fixtures.WEST, null))
                .until("20:00");
        WidgetHarness.show(w, s);
        Labeled none = WidgetHarness.labelWith(w.nearestList(), IncidentsWidget.EMPTY);
        assertThat(none.getText()).isEqualTo("无可派单兵");
        assertThat(none.getStyleClass()).contains(Theme.CRITICAL);
    }

    @Test
    void wideGetsOneLinePerCaseAndEnglishIsComplete() throws Exception {
        I18n.setLocale(Locale.ENGLISH);
        IncidentsWidget w = WidgetHarness.mount(
                () -> new IncidentsWidget(WidgetHarness.placement(WidgetType.INCIDENTS, "{}")), 1920, 406);
        WidgetHarness.show(w, evening().until("20:00"));
        assertThat(w.rowNode("A")).isInstanceOf(HBox.class);
        assertThat(WidgetHarness.texts(w.rowNode("A"))).contains("Low", "Reported", "overdue · 10 h 0 min old",
                "Not dispatched");
        assertThat(WidgetHarness.texts(w.rowNode("C"))).contains("Crit.", "Dispatched", "物业四", "En route");
        assertThat(WidgetHarness.texts(w.node())).contains("Dispatch", "4 open", "Recommended · 暴露垃圾",
                "Field units · 4 in all", "~1 min · e-bike", "~7 min · e-bike");
        assertThat(WidgetHarness.texts(w.node())).noneMatch(t -> t.startsWith("!"));

        IncidentsWidget narrow = mount("{}");
        WidgetHarness.show(narrow, evening().until("20:00"));
        assertThat(narrow.rowNode("A")).isInstanceOf(VBox.class);
    }

    @Test
    void theChineseNamesAreTheDomainsOwn() {
        for (IncidentState st : IncidentState.values()) {
            assertThat(I18n.t("incidentState", st)).as(st.name()).isEqualTo(st.zh);
        }
        for (UnitStatus st : UnitStatus.values()) {
            assertThat(I18n.t("unitStatus", st)).as(st.name()).isEqualTo(st.zh);
        }
        for (FieldUnit.Role r : FieldUnit.Role.values()) {
            assertThat(I18n.t("role", r)).as(r.name()).isEqualTo(r.zh);
        }
        for (Recommendations.Mode m : Recommendations.Mode.values()) {
            assertThat(I18n.t("travelMode", m)).as(m.name()).isEqualTo(m.zh);
        }
    }

    private static Labeled sla(Node row) {
        return WidgetHarness.labelWith(row, IncidentsWidget.SLA);
    }

    /** The recommended-unit rows as "name · role|status|ETA". */
    private static List<String> near(IncidentsWidget w) {
        return w.nearestList().getChildren().stream()
                .filter(n -> n.getStyleClass().contains(IncidentsWidget.NEAR_ROW))
                .map(n -> String.join("|", WidgetHarness.texts(n)))
                .toList();
    }

    @Test
    void openCaseOpensTheSelectedCaseOnTheIncidentScreen() throws Exception {
        org.shanzhi.cockpit.wall.WallLinks links = new org.shanzhi.cockpit.wall.WallLinks();
        List<String> opened = new java.util.ArrayList<>();
        links.onOpenIncident(opened::add);
        IncidentsWidget w = WidgetHarness.mount(() -> new IncidentsWidget(
                WidgetHarness.placement(WidgetType.INCIDENTS, "{}"),
                new org.shanzhi.cockpit.wall.WallContext(() -> null, "test", null, null, links)), 474, 1080);
        WidgetHarness.show(w, evening().until("20:00"));
        WidgetHarness.fx(() -> {
            w.select("D");
            ((javafx.scene.control.Button) w.node().lookup("." + IncidentsWidget.OPEN_CASE)).fire();
            return null;
        });
        assertThat(opened).containsExactly("D");
    }
}
