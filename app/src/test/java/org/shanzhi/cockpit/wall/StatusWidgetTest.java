package org.shanzhi.cockpit.wall;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Label;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.Fixtures;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.feed.FeedStatus;
import org.shanzhi.cockpit.feed.HubCommands;

/** The connection bar is shown every frame: its age ticks by the frame's clock, a busy feed's seq 4 times a second. */
class StatusWidgetTest {

    static final Instant T = Instant.parse("2026-05-30T12:00:00Z");

    @BeforeAll
    static void fx() throws Exception {
        WidgetHarness.start();
        I18n.setLocale(I18n.DEFAULT);
    }

    static String said(StatusWidget bar) {
        return String.join(" | ", WidgetHarness.texts(bar.node()));
    }

    @Test
    void theAgeTicksByTheFramesClockAndABusyFeedIsSaidFourTimesASecond() throws Exception {
        StatusWidget bar = WidgetHarness.fx(() -> new StatusWidget(new WallContext(() -> null, "测试")));
        FeedStatus connecting = new FeedStatus(FeedStatus.State.CONNECTING, T, 0, 0, 0, 0, null);
        WallFrame f = WidgetHarness.fx(() -> {
            WallFrame w = WallFrame.waiting(T.plusMillis(1500), connecting);
            bar.show(w);
            return w;
        });
        assertThat(said(bar)).isEqualTo("○ 正在连接指挥平台… 1 秒 | 暂无数据 | 未连接指挥平台 · 无法识别的数据 0 条 · 重连 0 次");

        Situation s = Fixtures.district();
        FeedStatus live = new FeedStatus(FeedStatus.State.LIVE, T.plusSeconds(2), s.seq(), 0, 0, 0, null);
        Situation next = Fixtures.with(s, new Event.SensorReported("S-1", 3));
        Situation later = Fixtures.with(next, new Event.SensorReported("S-1", 4));
        WidgetHarness.fx(() -> {
            bar.show(f.next(s, T.plusSeconds(2), live));
            assertThat(said(bar)).startsWith("● 实时 | 数据时间 05-30 08:10:00 · 累计事件 10 条");
            bar.show(f.next(next, T.plusMillis(2100), live)); // a tenth of a second later: not yet
            assertThat(said(bar)).contains("累计事件 10 条 |");
            bar.show(f.next(later, T.plusMillis(2250), live)); // a quarter of a second after: the newest
            assertThat(said(bar)).contains("累计事件 12 条 |");

            FeedStatus stale = new FeedStatus(FeedStatus.State.STALE, T.plusSeconds(3), 12, 2, 0, 1, "down");
            bar.show(f.next(later, T.plusMillis(10_400), stale));
            assertThat(said(bar)).isEqualTo("● 数据已过期 7 秒 | 数据时间 05-30 08:12:00 · 累计事件 12 条 | 未连接指挥平台 · 无法识别的数据 2 条 · 重连 1 次");
            bar.show(f.next(later, T.plusMillis(11_000), stale));
            assertThat(said(bar)).startsWith("● 数据已过期 8 秒");
            return null;
        });
    }

    @Test
    void aLivePictureBehindTheHubsClockSaysItIsCatchingUpAndHowFarBehindUntilTheHubHasReachedIt() throws Exception {
        StatusWidget bar = WidgetHarness.fx(() -> new StatusWidget(new WallContext(() -> null, "测试")));
        Situation s = Fixtures.district();
        // the hub's clock 75 minutes after the situation's time, as a fresh hub opened at 13:00 shows 11:45
        FeedStatus behind = new FeedStatus(FeedStatus.State.LIVE, T, s.seq(), 0, 0, 0, null,
                s.time().plusSeconds(75 * 60));
        FeedStatus reached = new FeedStatus(FeedStatus.State.LIVE, T, s.seq(), 0, 0, 0, null);
        WidgetHarness.fx(() -> {
            WallFrame f = WallFrame.waiting(T, behind);
            bar.show(f.next(s, T.plusSeconds(1), behind));
            assertThat(said(bar)).startsWith("● 正在同步 · 落后 75 分钟 |").doesNotContain("实时");
            bar.show(f.next(s, T.plusSeconds(2), reached));
            assertThat(said(bar)).startsWith("● 实时 |");
            return null;
        });
    }

    @Test
    void theHubsFirstSituationBeforeItsStreamOpensIsConnectingNotAKeptPicture() throws Exception {
        StatusWidget bar = WidgetHarness.fx(() -> new StatusWidget(new WallContext(() -> null, "测试")));
        Situation s = Fixtures.district();
        FeedStatus connecting = new FeedStatus(FeedStatus.State.CONNECTING, T, s.seq(), 0, 0, 0, null);
        FeedStatus kept = new FeedStatus(FeedStatus.State.KEPT, T.minusSeconds(300), s.seq(), 0, 0, 0, null);
        WidgetHarness.fx(() -> {
            WallFrame f = WallFrame.waiting(T, connecting);
            bar.show(f.next(s, T.plusSeconds(75), connecting));
            assertThat(said(bar)).startsWith("○ 正在连接指挥平台… 75 秒 |").doesNotContain("画面");
            bar.show(f.next(s, T.plusSeconds(76), kept));
            assertThat(said(bar)).startsWith("○ 正在连接指挥平台… 显示6分钟前的画面 |");
            return null;
        });
    }

    @Test
    void aPictureSaysItIsAStillPictureOfItsTimeNotLive() throws Exception {
        StatusWidget bar = WidgetHarness.fx(() -> new StatusWidget(new WallContext(() -> null, "snapshot")));
        Situation s = Fixtures.district();
        WidgetHarness.fx(() -> {
            bar.show(WallFrame.waiting(s.time(), FeedStatus.picture(s.time(), s.seq())).next(s, s.time(),
                    FeedStatus.picture(s.time(), s.seq())));
            return null;
        });
        assertThat(said(bar)).isEqualTo("■ 静态画面 · 非实时 | 数据时间 05-30 08:10:00 · 累计事件 10 条 | 未连接指挥平台");
    }

    @Test
    void theBarNamesTheCommandPlatformInTheCentersWordsAndKeepsItsAddressInATooltip() throws Exception {
        for (String[] hub : new String[][] {{"http://127.0.0.1:8717", "本机指挥平台"}, {"http://10.0.0.5:8717", "指挥平台"}}) {
            WallContext context = new WallContext(() -> null, hub[0], "x".repeat(16), "operator", new WallLinks());
            StatusWidget bar = WidgetHarness.fx(() -> new StatusWidget(context));
            FeedStatus live = new FeedStatus(FeedStatus.State.LIVE, T, 0, 0, 0, 0, null);
            WidgetHarness.fx(() -> {
                bar.show(WallFrame.waiting(T, live));
                return null;
            });
            assertThat(said(bar)).endsWith("| " + hub[1] + " · 无法识别的数据 0 条 · 重连 0 次");
            assertThat(Vocabulary.offencesShown(bar.node())).isEmpty();
            Label details = (Label) bar.node().lookupAll(".label").stream()
                    .filter(n -> ((Label) n).getTooltip() != null).findFirst().orElseThrow();
            assertThat(details.getTooltip().getText()).isEqualTo(hub[0]);
        }
    }

    @Test
    void commandsWaitingForTheHubAreCountedInTheBar() throws Exception {
        // a hub nothing listens for: the command waits in the outbox
        try (HubCommands commands = new HubCommands("http://127.0.0.1:9", "x".repeat(16))) {
            WallContext context = new WallContext(() -> null, "测试", "x".repeat(16), "operator", new WallLinks(),
                    commands);
            StatusWidget bar = WidgetHarness.fx(() -> new StatusWidget(context));
            FeedStatus down = new FeedStatus(FeedStatus.State.RECONNECTING, T, 0, 0, 0, 1, "down");
            WidgetHarness.fx(() -> {
                bar.show(WallFrame.waiting(T.plusSeconds(1), down));
                return null;
            });
            assertThat(said(bar)).doesNotContain("待发送");
            assertThat(commands.dispatch("INC-1", "U-1").get(20, TimeUnit.SECONDS))
                    .isInstanceOf(HubCommands.Outcome.Queued.class);
            WidgetHarness.fx(() -> {
                bar.show(WallFrame.waiting(T.plusSeconds(2), down));
                return null;
            });
            assertThat(said(bar)).startsWith("○ 连接中断，重连中… 2 秒 | ▲ 待发送 1 条 | ");
        }
    }
}
