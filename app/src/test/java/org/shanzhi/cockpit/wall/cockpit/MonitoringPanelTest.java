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
        assertThat(PanelHarness.texts(p.node())).contains("监测预警", "今日AI预警", "较昨日同时 +2", "待研判预警",
                "在线 2 / 3 路", "生效预警 2 条", "暴雨橙色预警", "至 05-31 01:30", "大风蓝色预警", "至解除",
                "物联告警 1 个", "积水 · S-1", "35 cm", "24小时合计 3");
        assertThat(PanelHarness.texts(p.alerts)).contains("3");
        assertThat(PanelHarness.texts(p.pending)).contains("2");
        // the last bucket is the hour in progress (20:00–21:00); 19:40 falls in the one before
        assertThat(p.trend.values().subList(21, 24)).containsExactly(1, 2, 0);
        assertThat(p.cameras.value()).isCloseTo(66.67, org.assertj.core.api.Assertions.within(0.01));
        assertThat(p.warnings.rows()).extracting(r -> r.key()).containsExactly("W-ORANGE", "W-BLUE");
        assertThat(p.warnings.rowNode("W-ORANGE").getStyleClass()).contains(Theme.SIGNAL_ORANGE);
        assertThat(CityOperationPanelTest.markerFill(p.sensorAlarms.rowNode("S-1")))
                .isEqualTo(Theme.color(Theme.CRITICAL));
    }

    @Test
    void anEmptySituationSaysNone() throws Exception {
        MonitoringPanel p = PanelHarness.mount(MonitoringPanel::new);
        PanelHarness.show(p, Situation.empty());
        assertThat(p.warnings.isCovered()).isTrue();
        assertThat(p.sensorAlarms.isCovered()).isTrue();
        assertThat(p.cameras.isCovered()).isTrue();
        assertThat(PanelHarness.texts(p.node())).contains("暂无", "—", "生效预警 0 条", "在线 0 / 0 路");
    }

    @Test
    void speaksEnglish() throws Exception {
        I18n.setLocale(Locale.ENGLISH);
        MonitoringPanel p = PanelHarness.mount(MonitoringPanel::new);
        PanelHarness.show(p, Situation.empty());
        assertThat(PanelHarness.texts(p.node())).contains("Monitoring & warning", "AI alerts today", "Cameras online",
                "Warnings in force: 0", "None", "No data yet");
    }
}
