package org.shanzhi.cockpit.wall.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.Incident;
import org.shanzhi.cockpit.domain.Recorded;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.feed.SituationSource;
import org.shanzhi.cockpit.json.Json;
import org.shanzhi.cockpit.recording.Recording;
import org.shanzhi.cockpit.replay.Replay;
import org.shanzhi.cockpit.replay.ReplaySource;
import org.shanzhi.cockpit.replay.ReplaySwitch;
import org.shanzhi.cockpit.feed.HubCommands;
import org.shanzhi.cockpit.feed.HubDrill;
import org.shanzhi.cockpit.hub.Hub;
import org.shanzhi.cockpit.hub.HubRuntime;
import org.shanzhi.cockpit.hub.Role;
import org.shanzhi.cockpit.hub.sim.HeyiScenario;
import org.shanzhi.cockpit.wall.Theme;
import org.shanzhi.cockpit.wall.WallContext;
import org.shanzhi.cockpit.wall.WallFrame;
import org.shanzhi.cockpit.wall.WallLinks;
import org.shanzhi.cockpit.wall.WidgetHarness;

/** The trainer's control on a real hub with the Heyi inventory: the storm drill loaded, started and steered. */
class DrillWidgetOnHubTest {

    @TempDir
    static Path data;
    static HubRuntime hub;

    @BeforeAll
    static void start() throws Exception {
        WidgetHarness.start();
        hub = HubRuntime.start(HubRuntime.Config.local(data));
        List<Hub.Pending> batch = new ArrayList<>();
        for (Event e : HeyiScenario.loadDefault().inventory()) {
            batch.add(new Hub.Pending(hub.hub().clock().now(), e));
        }
        hub.hub().append(batch, Hub.Origin.system("test"));
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    DrillWidget widget;
    /** The 演练 banner every screen has, shown the same frames. */
    DrillBanner banner;

    /** One pulse of the wall: the hub's situation, at the wall's time now. */
    void pulse() throws Exception {
        WidgetHarness.fx(() -> {
            WallFrame frame = WallFrame.of(hub.hub().situation(), Instant.now(), null);
            widget.show(frame);
            banner.show(frame);
            ((Parent) widget.node()).applyCss();
            ((Parent) widget.node()).layout();
            return null;
        });
    }

    /** Pulses until {@code condition} holds (the control asks the hub on the pulse). */
    void until(Callable<Boolean> condition) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            pulse();
            return WidgetHarness.fx(condition);
        });
    }

    String text(String styleClass) throws Exception {
        return WidgetHarness.fx(() -> WidgetHarness.labelWith(widget.node(), styleClass).getText());
    }

    Button button(Node under, String words) throws Exception {
        return WidgetHarness.fx(() -> under.lookupAll("." + DrillWidget.STEP).stream().map(n -> (Button) n)
                .filter(b -> b.getText().equals(words)).findFirst().orElseThrow());
    }

    void press(Button b) throws Exception {
        WidgetHarness.fx(() -> {
            assertThat(b.isDisabled()).as(b.getText() + " is enabled").isFalse();
            b.fire();
            return null;
        });
    }

    /** Presses the button of the 结束演练 question that says {@code words}. */
    void answer(String words) throws Exception {
        WidgetHarness.fx(() -> {
            stopButton(words).fire();
            return null;
        });
        until(() -> WidgetHarness.fx(widget::stopQuestion) == null);
    }

    /** The button of the 结束演练 question that says {@code words} (on the FX thread). */
    Button stopButton(String words) {
        javafx.scene.control.DialogPane pane = widget.stopQuestion().getDialogPane();
        return pane.getButtonTypes().stream().map(t -> (Button) pane.lookupButton(t))
                .filter(x -> x.getText().equals(words)).findFirst().orElseThrow();
    }

    String injectState(String id) throws Exception {
        return WidgetHarness.fx(() -> {
            Node row = widget.node().lookup("#" + id);
            return row == null ? null : WidgetHarness.labelWith(row, DrillWidget.INJECT_STATE).getText();
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void theTrainerLoadsAndRunsTheStormDrillFromTheWall() throws Exception {
        WallContext context = new WallContext(() -> null, hub.baseUrl(), hub.tokens().tokenOf(Role.TRAINER),
                "trainer", new WallLinks());
        widget = WidgetHarness.mount(() -> new DrillWidget(context), 620, 1000);
        banner = WidgetHarness.fx(() -> DrillBanner.on(new StackPane(), context));
        ComboBox<HubDrill.Script> scripts = (ComboBox<HubDrill.Script>) widget.node().lookup(".combo-box");
        until(() -> scripts.getItems().size() == 3);
        assertThat(text(DrillWidget.STATE)).isEqualTo("未载入");
        // with no drill loaded the column lists the platform's scripts and says how a drill goes
        until(() -> WidgetHarness.fx(() -> WidgetHarness.texts(widget.node())).containsAll(List.of(
                "平台上的演练脚本 3 个", "5·30 大风暴雨应急处置演练", "演练怎么进行")));
        WidgetHarness.fx(() -> {
            scripts.setValue(scripts.getItems().stream().filter(s -> s.name().equals("storm-530")).findFirst()
                    .orElseThrow());
            return null;
        });
        press(button(widget.node(), "载入"));
        until(() -> text(DrillWidget.STATE).equals("待开始"));
        assertThat(text(DrillWidget.NAME)).isEqualTo("5·30 大风暴雨应急处置演练");
        assertThat(banner.node().isVisible()).as("no banner before the drill starts").isFalse();
        assertThat(text(DrillWidget.OUTCOME)).isEqualTo("演练已载入,点「开始」即开始计时");

        press(button(widget.node(), "开始"));
        until(() -> text(DrillWidget.STATE).equals("进行中") && "已触发".equals(injectState("warnings")));
        assertThat(text(DrillWidget.CLOCK)).startsWith("演练时钟 T+0:00:");
        // every screen's banner says a drill runs, which, and for how long
        until(() -> banner.node().isVisible());
        assertThat(((Labeled) banner.node()).getText()).startsWith("演练 · 5·30 大风暴雨应急处置演练 · 已进行 0:00:");
        assertThat(hub.hub().situation().warnings().keySet()).anyMatch(id -> id.endsWith(":gale"));
        assertThat(injectState("line-cut")).isEqualTo("待触发");
        // each inject says what the trainees are expected to do, and within what time
        assertThat(WidgetHarness.fx(() -> WidgetHarness.texts(widget.node().lookup("#line-cut"))))
                .contains("T+3:05:00", "树木压断10千伏线路（东三社区）", "期望:案件派遣,5分钟内 · 特急案件5分钟内派遣",
                        "期望:单兵到场,15分钟内 · 单兵15分钟内到场");
        assertThat(WidgetHarness.fx(() -> WidgetHarness.texts(widget.node().lookup("#tree-west"))))
                .contains("期望:案件派遣,10分钟内");

        // a contingency inject fired now, from its row
        press(button(widget.node().lookup("#line-cut"), "立即触发"));
        until(() -> "已触发".equals(injectState("line-cut")));
        assertThat(hub.hub().situation().incidents().keySet()).anyMatch(id -> id.endsWith(":line-case"));
        assertThat(text(DrillWidget.OUTCOME)).isEqualTo("注入已触发");

        press(button(widget.node(), "暂停"));
        until(() -> text(DrillWidget.STATE).equals("已暂停"));
        String standing = text(DrillWidget.CLOCK);
        // the hub's refusal in the trainer's words: pausing a paused drill
        HubCommands.Outcome twice = context.commands().drill("pause").get();
        assertThat(DrillWords.of("pause", twice).words()).isEqualTo("演练不在进行中,不能暂停");
        pulse();
        assertThat(text(DrillWidget.CLOCK)).isEqualTo(standing);
        // every screen's banner stands with the drill clock, and says the drill is paused
        until(() -> ((Labeled) banner.node()).getText()
                .equals("演练 · 5·30 大风暴雨应急处置演练 · 已暂停 · " + standing));
        press(button(widget.node(), "继续"));
        until(() -> text(DrillWidget.STATE).equals("进行中"));

        // an unannounced inject: a tree down at the first community, on the hub as a drill case
        Button add = button(widget.node(), "注入");
        press(add);
        until(() -> text(DrillWidget.OUTCOME).equals("临时注入已发出"));
        assertThat(hub.hub().situation().incidents().values()).map(Incident::title).anyMatch(t -> t.endsWith("树木倒伏"));
        until(() -> WidgetHarness.fx(() -> WidgetHarness.texts(widget.node())).stream()
                .anyMatch(t -> t.endsWith("树木倒伏")));

        // 结束演练 is asked again, naming the drill; 继续演练 leaves it running
        press(button(widget.node(), "结束演练"));
        until(() -> WidgetHarness.fx(widget::stopQuestion) != null);
        assertThat(WidgetHarness.fx(() -> widget.stopQuestion().getHeaderText()))
                .isEqualTo("结束演练「5·30 大风暴雨应急处置演练」？");
        // Enter keeps the drill running, and the explanation reads on the wall's dark
        assertThat(WidgetHarness.fx(() -> stopButton("继续演练").isDefaultButton())).isTrue();
        assertThat(WidgetHarness.fx(() -> stopButton("结束演练").isDefaultButton())).isFalse();
        assertThat(WidgetHarness.fx(() -> {
            javafx.scene.control.DialogPane pane = widget.stopQuestion().getDialogPane();
            pane.applyCss();
            return ((Labeled) pane.lookup(".content.label")).getTextFill();
        })).isEqualTo(Theme.token("-wall-text"));
        answer("继续演练");
        assertThat(text(DrillWidget.STATE)).isEqualTo("进行中");
        press(button(widget.node(), "结束演练"));
        until(() -> WidgetHarness.fx(widget::stopQuestion) != null);
        answer("结束演练");
        until(() -> text(DrillWidget.STATE).equals("已结束"));
        until(() -> !banner.node().isVisible());
        assertThat(injectState("lift-rain")).isEqualTo("未触发");
        assertThat(button(widget.node(), "开始").isDisabled()).isTrue();
    }

    @Test
    void inAReplayTheControlShowsTheReplayedDrillAndOffersNoStepUntilTheWallIsLiveAgain() throws Exception {
        WallContext context = new WallContext(() -> null, hub.baseUrl(), hub.tokens().tokenOf(Role.TRAINER),
                "trainer", new WallLinks());
        ReplaySwitch replays = new ReplaySwitch(SituationSource.fixed(hub.hub().situation()));
        WidgetHarness.replays(context, replays);
        widget = WidgetHarness.mount(() -> new DrillWidget(context), 620, 1000);
        banner = WidgetHarness.fx(() -> DrillBanner.on(new StackPane(), context));
        ComboBox<?> scripts = (ComboBox<?>) widget.node().lookup(".combo-box");
        until(() -> scripts.getItems().size() == 3);

        // the replayed moment: a night drill that had been going for 1 h 5 min
        Situation live = hub.hub().situation();
        Instant started = live.time().plus(Duration.ofMinutes(1));
        Situation drilling = live.apply(new Recorded(live.seq() + 1, started,
                new Event.DrillStarted("YL-night", "夜间演练", null), "YL-night"));
        String sensor = live.sensors().keySet().iterator().next();
        Recorded later = new Recorded(drilling.seq() + 1, started.plus(Duration.ofMinutes(65)),
                new Event.SensorReported(sensor, 1));
        Situation replayed = drilling.apply(later);
        WidgetHarness.fx(() -> {
            replays.enter(new ReplaySource(new Replay(Recording.read(recording(drilling, later))), () -> 0L));
            return null;
        });
        showing(replayed);
        assertThat(text(DrillWidget.STATE)).isEqualTo("回放中 · 演练控制暂停使用");
        assertThat(text(DrillWidget.NAME)).isEqualTo("夜间演练");
        assertThat(text(DrillWidget.CLOCK)).isEqualTo("回放时刻 · 已进行 1:05:00");
        assertThat(text(DrillWidget.OUTCOME)).isEqualTo("回放中 · 演练控制暂停使用");
        for (String step : List.of("载入", "开始", "暂停", "继续", "结束演练", "注入")) {
            assertThat(button(widget.node(), step).isDisabled()).as(step).isTrue();
        }
        assertThat(WidgetHarness.fx(() -> widget.node().lookupAll("." + DrillWidget.INJECT))).isEmpty();
        // the live answers that come in meanwhile change nothing
        showing(replayed);
        assertThat(text(DrillWidget.STATE)).isEqualTo("回放中 · 演练控制暂停使用");
        showing(live);
        assertThat(text(DrillWidget.NAME)).isEqualTo("回放时刻没有演练在进行");

        WidgetHarness.fx(() -> {
            replays.leave();
            return null;
        });
        until(() -> !WidgetHarness.labelWith(widget.node(), DrillWidget.STATE).getText().startsWith("回放"));
        assertThat(text(DrillWidget.OUTCOME)).isEmpty();
        assertThat(text(DrillWidget.NAME)).isNotEqualTo("回放时刻没有演练在进行");
    }

    /** One pulse showing {@code s} (a replayed situation). */
    void showing(Situation s) throws Exception {
        WidgetHarness.fx(() -> {
            widget.show(WallFrame.of(s, Instant.now(), null));
            return null;
        });
    }

    /** A recording of situation {@code s} and one event after it. */
    static Path recording(Situation s, Recorded r) throws Exception {
        Path file = data.resolve("replayed.shanzhi");
        try (Recording.Writer w = new Recording.Writer(file, "test")) {
            w.add(s, r.seq(), r.time(), Json.typeOf(r.event()), Json.write(r.event()), null);
            w.finish(s.time(), r.time());
        }
        return file;
    }

    @Test
    void theBannerIsInAColourNoAlarmUses() {
        Color drill = Theme.token("-wall-drill");
        for (String state : Theme.STATES) {
            assertThat(Theme.color(state)).as(state).isNotEqualTo(drill);
        }
        assertThat(Theme.token("-wall-map-ai")).isNotEqualTo(drill);
    }

    @Test
    void aSeatThatIsNotTheTrainersOnlyWatches() throws Exception {
        WallContext context = new WallContext(() -> null, hub.baseUrl(), hub.tokens().tokenOf(Role.OPERATOR),
                "operator", new WallLinks());
        widget = WidgetHarness.mount(() -> new DrillWidget(context), 620, 1000);
        banner = WidgetHarness.fx(() -> DrillBanner.on(new StackPane(), context));
        pulse();
        assertThat(text(DrillWidget.OUTCOME)).isEqualTo("值班员席位不能指挥演练:演练由训练员席位指挥");
        assertThat(button(widget.node(), "载入").isDisabled()).isTrue();
        assertThat(button(widget.node(), "开始").isDisabled()).isTrue();
    }
}
