package org.shanzhi.cockpit.wall;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import javafx.geometry.Bounds;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.Fixtures;
import org.shanzhi.cockpit.domain.Recorded;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.feed.FeedStatus;
import org.shanzhi.cockpit.wall.layout.LayoutLoader;
import org.shanzhi.cockpit.wall.layout.Screen;

/** A screen's banners take rows of their own: the grid of widgets gives up that height, and no banner covers it. */
class ScreenViewBannersTest {

    @BeforeAll
    static void fx() throws Exception {
        WidgetHarness.start();
        I18n.setLocale(I18n.DEFAULT);
    }

    @Test
    void theDrillsBannerSitsBelowTheIncidentScreensWidgetsNotOverThem() throws Exception {
        Screen screen = LayoutLoader.standard().load("command").orElseThrow().screens().get(0);
        Situation s = Fixtures.district();
        Situation drill = s.apply(new Recorded(s.seq() + 1, s.time().plusSeconds(60),
                new Event.DrillStarted("YL-1", "内涝演练", null), "YL-1"));
        WidgetHarness.fx(() -> {
            ScreenView view = new ScreenView(screen, new WallContext(() -> null, "test"));
            new Scene(new Group(view.node()));
            show(view, s);
            GridPane grid = (GridPane) view.node().lookup(".screen-grid");
            double fullHeight = grid.getHeight();

            show(view, drill);
            Node banner = view.node().lookup(".drill-banner");
            assertThat(banner.isVisible()).isTrue();
            Bounds b = banner.localToScene(banner.getLayoutBounds());
            Bounds g = grid.localToScene(grid.getLayoutBounds());
            assertThat(b.getHeight()).isPositive();
            assertThat(g.getMaxY()).isLessThanOrEqualTo(b.getMinY());
            assertThat(grid.getHeight()).isLessThan(fullHeight);
            assertThat(b.getMaxY()).isLessThanOrEqualTo(screen.height());
            return null;
        });
    }

    @Test
    void onlyAPictureKeptFromTheLastRunIsSaidToBeSavedNotTheHubsFirstSituationWhileItsStreamOpens() throws Exception {
        Screen screen = LayoutLoader.standard().load("laptop").orElseThrow().screens().get(0);
        Situation s = Fixtures.district();
        Instant now = Instant.now();
        WidgetHarness.fx(() -> {
            ScreenView view = new ScreenView(screen, new WallContext(() -> null, "test"));
            new Scene(new Group(view.node()));
            Label banner = (Label) view.node().lookup(".stale-banner");
            // a first start: nothing kept, the hub's snapshot is shown while its stream opens, a minute after the start
            show(view, s, now, new FeedStatus(FeedStatus.State.CONNECTING, now.minusSeconds(75), s.seq(), 0, 0, 0, null));
            assertThat(banner.isVisible()).isFalse();

            show(view, s, now, new FeedStatus(FeedStatus.State.KEPT, now.minusSeconds(300), s.seq(), 0, 0, 0, null));
            assertThat(banner.isVisible()).isTrue();
            assertThat(banner.getText()).startsWith("正在连接 · 显示的是5分钟前保存的画面");
            return null;
        });
    }

    private static void show(ScreenView view, Situation s) {
        show(view, s, Instant.now(), new FeedStatus(FeedStatus.State.LIVE, Instant.now(), s.seq(), 0, 0, 0, null));
    }

    private static void show(ScreenView view, Situation s, Instant now, FeedStatus feed) {
        view.show(WallFrame.of(s, now, feed));
        Parent root = view.node().getScene().getRoot(); // the group sizes the screen to its design size
        for (int i = 0; i < 2; i++) {
            root.applyCss();
            root.layout();
        }
    }
}
