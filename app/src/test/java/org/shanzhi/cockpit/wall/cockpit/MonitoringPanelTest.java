package org.shanzhi.cockpit.wall.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.shanzhi.cockpit.domain.AiAlert;
import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.FigureSettings;
import org.shanzhi.cockpit.domain.Kpi;
import org.shanzhi.cockpit.domain.Recorded;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.domain.WeatherWarning;
import org.shanzhi.cockpit.wall.I18n;
import org.shanzhi.cockpit.wall.Theme;

class MonitoringPanelTest {

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
                .at("y15:00", new Event.AiAlertRaised("AL0", "CAM-1", "暴露垃圾", "890", 0.9, List.of()))
                .at("18:05", new Event.AiAlertRaised("AL1", "CAM-1", "暴露垃圾", "890", 0.8, List.of()))
                .at("19:40", new Event.AiAlertRaised("AL2", "CAM-1", "占道经营", "891", 0.7, List.of()),
                        new Event.AiAlertRaised("AL3", "CAM-1", "占道经营", "891", 0.7, List.of()),
                        new Event.AiAlertReviewed("AL1", AiAlert.Review.REJECTED, null, null, null),
                        new Event.AiAlertReviewed("AL0", AiAlert.Review.REJECTED, null, null, null))
                .at("13:30", new Event.WarningIssued("W-BLUE", WeatherWarning.Hazard.GALE, WeatherWarning.Level.BLUE,
                        "气象台", null))
                .at("14:00", new Event.WarningIssued("W-ORANGE", WeatherWarning.Hazard.RAINSTORM,
                        WeatherWarning.Level.ORANGE, "气象台", Instant.parse("2026-05-31T01:30:00+08:00")))
                .at("19:50", new Event.SensorReported("S-1", 35))
                .now();
    }

    @Test
    void showsAlertsCamerasWarningsAndSensors() throws Exception {
        MonitoringPanel p = PanelHarness.mount(MonitoringPanel::new);
        PanelHarness.show(p, evening());
        assertThat(PanelHarness.texts(p.node())).contains("监测预警", "今日AI预警", "较昨日同时 +2",
                "在线 2 / 3 路", "生效预警 2 条 · 物联感知告警 1 个", "暴雨橙色预警", "至 05-31 01:30", "大风蓝色预警",
                "至解除", "积水 · S-1", "35 cm", "24小时合计 3 · 待研判 2");
        assertThat(PanelHarness.texts(p.alerts)).contains("3");
        // the last bucket is the hour in progress (20:00–21:00); 19:40 falls in the one before
        assertThat(p.trend.values().subList(21, 24)).containsExactly(1, 2, 0);
        assertThat(p.cameras.value()).isCloseTo(66.67, org.assertj.core.api.Assertions.within(0.01));
        // the warnings, then the sensors in alarm, in one list
        assertThat(p.warningsAndAlarms.rows()).extracting(r -> r.key()).containsExactly("W-ORANGE", "W-BLUE", "S-1");
        assertThat(p.warningsAndAlarms.rowNode("W-ORANGE").getStyleClass()).contains(Theme.SIGNAL_ORANGE);
        assertThat(CityOperationPanelTest.markerFill(p.warningsAndAlarms.rowNode("S-1")))
                .isEqualTo(Theme.color(Theme.CRITICAL));
    }

    @Test
    void warningsAndSensorAlarmsShareACellAndTodaysAlertsByAlgorithmTakeTheOther() throws Exception {
        MonitoringPanel p = PanelHarness.mount(MonitoringPanel::new);
        PanelHarness.show(p, evening());
        assertThat(javafx.scene.layout.GridPane.getColumnIndex(p.warningsAndAlarms)).isEqualTo(0);
        assertThat(javafx.scene.layout.GridPane.getColumnSpan(p.warningsAndAlarms)).isEqualTo(2);
        assertThat(javafx.scene.layout.GridPane.getColumnIndex(p.kindsToday)).isEqualTo(2);
        assertThat(javafx.scene.layout.GridPane.getRowIndex(p.kindsToday)).isEqualTo(1);
        // today's alerts by algorithm: yesterday's 15:00 alert is not today's
        assertThat(p.kindsToday.entries()).extracting(e -> e.name() + " " + (int) e.value())
                .containsExactly("占道经营 2", "暴露垃圾 1");
        assertThat(PanelHarness.texts(p.node())).contains("今日AI预警 · 按算法");
        // every row on screen, none behind "另有 N 项"
        for (String key : List.of("W-ORANGE", "W-BLUE", "S-1")) {
            assertThat(PanelHarness.fx(() -> p.warningsAndAlarms.rowNode(key).isVisible())).as(key).isTrue();
        }
    }

    @Test
    void aDrillsWarningAndSensorAlarmAreMarkedAndTheLiveOnesNot() throws Exception {
        Situation s = evening();
        s = s.apply(new Recorded(s.seq() + 1, s.time(), new Event.DrillStarted("YL-1", "内涝演练", null), "YL-1"));
        s = s.apply(new Recorded(s.seq() + 1, s.time(), new Event.WarningIssued("YL-1:rain",
                WeatherWarning.Hazard.RAINSTORM, WeatherWarning.Level.RED, "气象台", null), "YL-1"));
        MonitoringPanel p = PanelHarness.mount(MonitoringPanel::new);
        PanelHarness.show(p, s);
        assertThat(p.warningsAndAlarms.rows()).extracting(r -> r.text()).containsExactly("〔演练〕暴雨红色预警",
                "暴雨橙色预警", "大风蓝色预警", "积水 · S-1");
    }

    @Test
    void showsTheWorstAlgorithmsFalseAlarmRates() throws Exception {
        Situation s = new Day()
                .at("09:00", alerts("AL-S", "占道经营", 5)).at("09:00", alerts("AL-G", "暴露垃圾", 10))
                .at("09:00", alerts("AL-W", "积水", 2)).at("09:00", alerts("AL-F", "烟火", 1))
                .at("10:00", reviews("AL-S", 5, 2)).at("10:00", reviews("AL-G", 10, 1))
                .at("10:00", reviews("AL-W", 2, 2)).at("10:00", reviews("AL-F", 1, 0))
                .now();
        MonitoringPanel p = PanelHarness.mount(MonitoringPanel::new);
        // below ten reviewed alerts an algorithm's rate says how few there are, uncoloured, after the rates
        PanelHarness.show(p, s);
        assertThat(p.falseAlarms.rows()).extracting(r -> r.text() + " " + r.detail() + " " + r.state())
                .containsExactly("暴露垃圾 10% " + Theme.OK, "积水 仅 2 条 null", "占道经营 仅 5 条 null");

        PanelHarness.show(p, CockpitFigures.of(s, FigureSettings.DEFAULT.withMinimum(new Kpi.MinimumBase(30, 10, 10, 1))));
        assertThat(p.falseAlarms.rows()).extracting(r -> r.text() + " " + r.detail())
                .containsExactly("积水 100%", "占道经营 40%", "暴露垃圾 10%");
        assertThat(PanelHarness.texts(p.node())).contains("误报率(近30日)", "另有 1 项");
        assertThat(CityOperationPanelTest.markerFill(p.falseAlarms.rowNode("积水"))).isEqualTo(Theme.color(Theme.CRITICAL));
        assertThat(CityOperationPanelTest.markerFill(p.falseAlarms.rowNode("暴露垃圾"))).isEqualTo(Theme.color(Theme.OK));
    }

    static Event[] alerts(String prefix, String kind, int n) {
        Event[] out = new Event[n];
        for (int i = 0; i < n; i++) {
            out[i] = new Event.AiAlertRaised(prefix + i, "CAM-1", kind, "880", 0.8, List.of());
        }
        return out;
    }

    /** The first {@code rejected} of {@code n} alerts called false, the others merged (reviewed, not false). */
    static Event[] reviews(String prefix, int n, int rejected) {
        Event[] out = new Event[n];
        for (int i = 0; i < n; i++) {
            out[i] = i < rejected
                    ? new Event.AiAlertReviewed(prefix + i, AiAlert.Review.REJECTED, null, null, AiAlert.FalseAlarm.MISDETECTION)
                    : new Event.AiAlertReviewed(prefix + i, AiAlert.Review.MERGED, null, "AL-S0", null);
        }
        return out;
    }

    @Test
    void anEmptySituationSaysNone() throws Exception {
        MonitoringPanel p = PanelHarness.mount(MonitoringPanel::new);
        PanelHarness.show(p, Situation.empty());
        assertThat(p.warningsAndAlarms.isCovered()).isTrue();
        assertThat(p.cameras.isCovered()).isTrue();
        assertThat(PanelHarness.texts(p.node())).contains("暂无", "—", "生效预警 0 条 · 物联感知告警 0 个",
                "在线 0 / 0 路");
    }

    @Test
    void speaksEnglish() throws Exception {
        I18n.setLocale(Locale.ENGLISH);
        MonitoringPanel p = PanelHarness.mount(MonitoringPanel::new);
        PanelHarness.show(p, Situation.empty());
        assertThat(PanelHarness.texts(p.node())).contains("Monitoring & warning", "AI alerts today", "Cameras online",
                "None", "No data yet");
        assertThat(PanelHarness.texts(p.node())).anyMatch(t -> t.startsWith("Warnings in force: 0 · "));
    }
}
