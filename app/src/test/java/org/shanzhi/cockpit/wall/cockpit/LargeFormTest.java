package org.shanzhi.cockpit.wall.cockpit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shanzhi.cockpit.wall.cockpit.Day.opened;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.wall.StormDay;
import org.shanzhi.cockpit.wall.WallFrame;

/** A panel given a whole 1920 × 1080 monitor shows its large form; at a quarter of one, the compact form. */
class LargeFormTest {

    static Situation storm;

    @BeforeAll
    static void fx() throws Exception {
        PanelHarness.start();
        storm = StormDay.evening();
    }

    @Test
    void aWholeMonitorShowsEveryOpenCaseTheTrendAndTheBreakdowns() throws Exception {
        CityOperationPanel p = PanelHarness.mount(CityOperationPanel::new, 1920, 1080);
        PanelHarness.show(p, storm);
        CockpitFigures f = CockpitFigures.of(storm);

        assertThat(p.isLarge()).isTrue();
        assertThat(f.city().openCases()).hasSizeGreaterThan(5);
        // every open case is listed, each row on screen (none hidden behind "另有 N 项")
        assertThat(p.openCases.rows()).hasSameSizeAs(f.city().openCases());
        for (var row : p.openCases.rows()) {
            assertThat(PanelHarness.fx(() -> p.openCases.rowNode(row.key()).isVisible())).as(row.key()).isTrue();
        }
        assertThat(p.openCases.pageLine()).isNull();
        CityLarge large = (CityLarge) PanelHarness.fx(() -> p.largeFormShown());
        assertThat(large.trend.values()).isEqualTo(f.city().openedHourly().counts());
        assertThat(large.trend.values().stream().mapToInt(Integer::intValue).sum()).isPositive();
        assertThat(large.byCategory.entries()).hasSameSizeAs(f.city().openByCategory());
        assertThat(PanelHarness.texts(p.node())).contains("近24小时新增案件", "在办案件分类", "在办案件 · 按社区",
                "今日新增案件", "停电恢复", "近30日事在格中解");
    }

    @Test
    void safetyOnAWholeMonitorNamesItsWhistleCountOnce() throws Exception {
        SafetyPanel p = PanelHarness.mount(SafetyPanel::new, 1920, 1080);
        PanelHarness.show(p, storm);

        assertThat(p.isLarge()).isTrue();
        assertThat(CockpitFigures.of(storm).safety().whistles()).isNotEmpty();
        // the top row's tile says 吹哨在办 and how many; the list under it is named for what it adds
        assertThat(PanelHarness.texts(p.node())).filteredOn(t -> t.contains("吹哨在办")).hasSize(1);
        assertThat(PanelHarness.texts(p.node())).contains("各部门报到 · 按吹哨事项");
    }

    @Test
    void aListLongerThanTheMonitorPagesEveryTenSecondsOfTheOperatorsClock() throws Exception {
        Day day = new Day();
        for (int i = 0; i < 60; i++) {
            day.at(String.format("%02d:%02d", 8 + i / 10, i % 10), opened(String.format("K%02d", i), "暴露垃圾", null));
        }
        Situation s = day.now();
        CityOperationPanel p = PanelHarness.mount(CityOperationPanel::new, 1920, 1080);
        Instant clock = Instant.parse("2026-12-02T01:00:00Z");
        PanelHarness.show(p, WallFrame.of(s, clock, null));

        assertThat(p.openCases.rows()).hasSize(60);
        String first = p.openCases.pageLine();
        assertThat(first).matches("第 1/\\d 页 · 共 60 项");
        int pages = Integer.parseInt(first.substring(4, 5));
        assertThat(pages).isGreaterThan(1);
        String top = p.openCases.rows().get(0).key();
        assertThat(visible(p, top)).isTrue();

        PanelHarness.show(p, WallFrame.of(s, clock.plus(Duration.ofSeconds(9)), null));
        assertThat(p.openCases.pageLine()).isEqualTo(first);
        PanelHarness.show(p, WallFrame.of(s, clock.plus(Duration.ofSeconds(10)), null));
        assertThat(p.openCases.pageLine()).isEqualTo("第 2/" + pages + " 页 · 共 60 项");
        assertThat(visible(p, top)).isFalse();
    }

    @Test
    void aQuarterOfAMonitorKeepsTheCompactForm() throws Exception {
        CityOperationPanel p = PanelHarness.mount(CityOperationPanel::new);
        PanelHarness.show(p, storm);

        assertThat(p.isLarge()).isFalse();
        assertThat(p.openCases.rows()).hasSize(5);
        assertThat(p.openCases.pageLine()).isNull();
        assertThat(PanelHarness.texts(p.node())).doesNotContain("近24小时新增案件", "在办案件分类")
                .anyMatch(t -> t.startsWith("另有 "));
    }

    @Test
    void everyPanelHasALargeFormWithItsFiguresOnTop() throws Exception {
        SentimentPanel sentiment = PanelHarness.mount(SentimentPanel::new, 1920, 1080);
        PanelHarness.show(sentiment, storm);
        assertThat(sentiment.isLarge()).isTrue();
        assertThat(PanelHarness.texts(sentiment.node())).contains("今日12345诉求", "响应率", "今日诉求分类",
                "今日诉求 · 按社区");
        assertThat(sentiment.communities.entries()).hasSameSizeAs(CockpitFigures.of(storm).sentiment().communities());
        assertThat(sentiment.rising.rows()).hasSameSizeAs(CockpitFigures.of(storm).sentiment().rising());

        SafetyPanel safety = PanelHarness.mount(SafetyPanel::new, 1920, 1080);
        PanelHarness.show(safety, storm);
        assertThat(safety.isLarge()).isTrue();
        assertThat(safety.petitions.rows()).hasSameSizeAs(CockpitFigures.of(storm).safety().petitions());
        assertThat(PanelHarness.texts(safety.node())).anyMatch(t -> t.startsWith("纠纷类型"));

        MonitoringPanel monitoring = PanelHarness.mount(MonitoringPanel::new, 1920, 1080);
        PanelHarness.show(monitoring, storm);
        assertThat(monitoring.isLarge()).isTrue();
        assertThat(monitoring.falseAlarms.rows()).hasSameSizeAs(CockpitFigures.of(storm).monitoring().falseAlarms());
        assertThat(PanelHarness.texts(monitoring.node())).contains("待研判AI预警", "今日AI预警 · 按算法");
    }

    private static boolean visible(CityOperationPanel p, String key) throws Exception {
        return PanelHarness.fx(() -> p.openCases.rowNode(key).isVisible());
    }
}
