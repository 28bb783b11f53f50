package org.shanzhi.cockpit.wall.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class ScreenPlanTest {

    static final LayoutLoader LAYOUTS = LayoutLoader.standard();

    static final Monitor FULL_HD = Monitor.at(0, 0, 1920, 1080);

    /** A 3×2 wall of 1920×1080 monitors, listed in no particular order. */
    static final List<Monitor> WALL = List.of(
            Monitor.at(3840, 1080, 1920, 1080), Monitor.at(0, 0, 1920, 1080), Monitor.at(1920, 1080, 1920, 1080),
            Monitor.at(3840, 0, 1920, 1080), Monitor.at(0, 1080, 1920, 1080), Monitor.at(1920, 0, 1920, 1080));

    static WallLayout layout(String name) {
        return LAYOUTS.load(name).orElseThrow();
    }

    @Test
    void oneOrdinaryMonitorGetsTheLaptopLayoutInAWindow() {
        assertThat(ScreenPlan.pickLayout(List.of(FULL_HD))).isEqualTo("laptop");

        ScreenPlan plan = ScreenPlan.of(layout("laptop"), List.of(FULL_HD));
        assertThat(plan.mode()).isEqualTo(ScreenPlan.Mode.WINDOW);
        assertThat(plan.stages()).singleElement().satisfies(stage -> {
            assertThat(stage.fullScreen()).isFalse();
            assertThat(stage.decorated()).isTrue();
            assertThat(stage.maximized()).isTrue();
            assertThat(stage.scale()).isEqualTo(1.0);
            assertThat(stage.areas()).singleElement().extracting(a -> a.screen().id()).isEqualTo("cockpit");
        });
    }

    @Test
    void aHiDpiLaptopCountsInLogicalPixels() {
        // a 3840×2160 panel at 200 % reports 1920×1080: the laptop layout, not the 4K wall
        assertThat(ScreenPlan.pickLayout(List.of(new Monitor(0, 0, 1920, 1080, 2.0)))).isEqualTo("laptop");
    }

    @Test
    void oneFourKMonitorGetsTheFourKLayoutFullScreen() {
        Monitor k4 = Monitor.at(0, 0, 3840, 2160);
        assertThat(ScreenPlan.pickLayout(List.of(k4))).isEqualTo("wall-4k");

        ScreenPlan plan = ScreenPlan.of(layout("wall-4k"), List.of(k4));
        assertThat(plan.mode()).isEqualTo(ScreenPlan.Mode.PER_MONITOR);
        assertThat(plan.stages()).singleElement().satisfies(stage -> {
            assertThat(stage.monitor()).isEqualTo(k4);
            assertThat(stage.fullScreen()).isTrue();
            assertThat(stage.decorated()).isFalse();
            assertThat(stage.scale()).isEqualTo(1.0);
        });
    }

    @Test
    void twoMonitorsGetTheDutyDeskLeftToRight() {
        Monitor right = Monitor.at(1920, 0, 1920, 1080);
        List<Monitor> monitors = List.of(right, FULL_HD);
        assertThat(ScreenPlan.pickLayout(monitors)).isEqualTo("duty-desk");

        ScreenPlan plan = ScreenPlan.of(layout("duty-desk"), monitors);
        assertThat(plan.mode()).isEqualTo(ScreenPlan.Mode.PER_MONITOR);
        assertThat(plan.stages()).extracting(s -> s.areas().get(0).screen().id(), ScreenPlan.Stage::monitor)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("cockpit", FULL_HD),
                        org.assertj.core.groups.Tuple.tuple("dispatch", right));
        assertThat(plan.stages()).allSatisfy(s -> {
            assertThat(s.fullScreen()).isTrue();
            assertThat(s.decorated()).isFalse();
        });
    }

    @Test
    void monitorsOfTheRightSizeArePreferred() {
        // a laptop panel left of two desk monitors: the desk monitors take the duty-desk screens
        Monitor laptopPanel = Monitor.at(-1366, 300, 1366, 768);
        Monitor left = FULL_HD;
        Monitor right = Monitor.at(1920, 0, 1920, 1080);
        ScreenPlan plan = ScreenPlan.of(layout("duty-desk"), List.of(laptopPanel, right, left));
        assertThat(plan.stages()).extracting(ScreenPlan.Stage::monitor).containsExactly(left, right);
    }

    @Test
    void threeToFiveMonitorsGetTheDutyDesk() {
        assertThat(ScreenPlan.pickLayout(WALL.subList(0, 3))).isEqualTo("duty-desk");
        assertThat(ScreenPlan.pickLayout(WALL.subList(0, 5))).isEqualTo("duty-desk");
    }

    @Test
    void sixMonitorsGetTheWallOneScreenPerMonitorByPosition() {
        assertThat(ScreenPlan.pickLayout(WALL)).isEqualTo("wall-3x2");

        ScreenPlan plan = ScreenPlan.of(layout("wall-3x2"), WALL);
        assertThat(plan.mode()).isEqualTo(ScreenPlan.Mode.PER_MONITOR);
        assertThat(plan.stages()).hasSize(6).allSatisfy(s -> {
            assertThat(s.fullScreen()).isTrue();
            assertThat(s.scale()).isEqualTo(1.0);
        });
        assertThat(plan.stages()).extracting(s -> s.areas().get(0).screen().id() + "@" + (int) s.monitor().x() + ","
                + (int) s.monitor().y()).containsExactly(
                        "city@0,0", "map@1920,0", "monitoring@3840,0",
                        "sentiment@0,1080", "video@1920,1080", "safety@3840,1080");
    }

    @Test
    void theWallOnOneFullHdMonitorIsAVirtualWallAtAThird() {
        ScreenPlan plan = ScreenPlan.of(layout("wall-3x2"), List.of(FULL_HD));
        assertThat(plan.mode()).isEqualTo(ScreenPlan.Mode.VIRTUAL_WALL);
        assertThat(plan.stages()).singleElement().satisfies(stage -> {
            assertThat(stage.contentWidth()).isEqualTo(5760);
            assertThat(stage.contentHeight()).isEqualTo(2160);
            assertThat(stage.scale()).isCloseTo(1.0 / 3, within(1e-9));
            assertThat(stage.decorated()).isTrue();
            assertThat(stage.fullScreen()).isFalse();
            assertThat(stage.areas()).extracting(a -> a.screen().id() + "@" + (int) a.x() + "," + (int) a.y())
                    .containsExactly("city@0,0", "map@1920,0", "monitoring@3840,0",
                            "sentiment@0,1080", "video@1920,1080", "safety@3840,1080");
        });
    }

    @Test
    void theVirtualWallGoesOnTheLargestMonitor() {
        Monitor small = Monitor.at(0, 0, 1366, 768);
        Monitor big = Monitor.at(1366, 0, 2560, 1440);
        ScreenPlan plan = ScreenPlan.of(layout("wall-3x2"), List.of(small, big));
        assertThat(plan.stages()).singleElement().satisfies(stage -> {
            assertThat(stage.monitor()).isEqualTo(big);
            assertThat(stage.scale()).isCloseTo(2560.0 / 5760, within(1e-9));
        });
    }

    @Test
    void aLayoutScreenOnALargerMonitorIsScaledUp() {
        Monitor qhd = Monitor.at(0, 0, 2560, 1440);
        ScreenPlan plan = ScreenPlan.of(layout("wall-4k"), List.of(qhd));
        assertThat(plan.stages()).singleElement().satisfies(s -> assertThat(s.scale()).isCloseTo(2560.0 / 3840, within(1e-9)));
    }

    @Test
    void slightlyMisalignedMonitorsStillFormRows() {
        List<Monitor> tilted = List.of(Monitor.at(1920, 12, 1920, 1080), Monitor.at(0, 0, 1920, 1080));
        assertThat(ScreenPlan.rows(tilted)).hasSize(1).first().extracting(r -> r.get(0).x()).isEqualTo(0.0);
    }
}
