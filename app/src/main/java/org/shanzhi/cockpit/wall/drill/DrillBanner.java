package org.shanzhi.cockpit.wall.drill;

import java.time.Duration;
import java.time.Instant;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;

import org.shanzhi.cockpit.domain.DrillStatus;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.feed.HubDrill;
import org.shanzhi.cockpit.replay.ReplaySwitch;
import org.shanzhi.cockpit.wall.I18n;
import org.shanzhi.cockpit.wall.WallContext;
import org.shanzhi.cockpit.wall.WallFrame;
import org.shanzhi.cockpit.wall.Widget;

/**
 * The 演练 banner every screen shows while a drill runs ({@code Situation.drill()}): the drill's name and how long
 * it has run, in the drill's violet, which no alarm uses, so nobody takes a drill's case for a real one or a real
 * alarm for a drill's. It lets clicks through to what is under it. The drill clock and its pauses live on the hub,
 * not in the situation: a wall with a hub asks it (every seat may read {@code GET /api/v1/drill}) about once a
 * second while a drill runs, and shows the drill clock, standing with 已暂停 while paused; without an answer, or
 * in a replay, the time since the drill started.
 */
public final class DrillBanner implements Widget {

    static final String BANNER = "drill-banner";

    private final Label label = new Label();
    private DrillStatus shownDrill;
    private long shownSeconds = -1;
    private Situation seen;
    private Instant seenAt;
    private final WallContext context;
    private final HubDrill hub;
    private volatile HubDrill.Reading latest;
    private HubDrill.Reading heard;
    private Instant heardAt;
    private Instant askedAt;
    private boolean asking;
    private boolean shownPaused;

    private DrillBanner(WallContext context) {
        this.context = context;
        this.hub = context.hasHub() ? new HubDrill(context.source(), context.token()) : null;
        label.getStyleClass().add(BANNER);
        label.setVisible(false);
        label.setMouseTransparent(true);
    }

    /**
     * A banner added last to {@code screen}'s children (at the foot of the screen's column: the top is where the alarm
     * bar drops, and a drill brings alarms), to be shown the wall's frames like its widgets.
     */
    public static DrillBanner on(Pane screen, WallContext context) {
        DrillBanner b = new DrillBanner(context);
        screen.getChildren().add(b.label);
        return b;
    }

    @Override
    public Node node() {
        return label;
    }

    /** Every pulse: shown while a drill runs, its time counted in whole seconds, the text set only when it changes. */
    @Override
    public void show(WallFrame frame) {
        Situation s = frame.situation();
        DrillStatus drill = s.drill();
        if (drill == null) {
            if (shownDrill != null) {
                shownDrill = null;
                label.setVisible(false);
            }
            return;
        }
        if (s != seen) {
            seen = s;
            seenAt = frame.now();
        }
        ReplaySwitch replays = context.links().replays();
        boolean replaying = replays != null && replays.replaying();
        if (!replaying) {
            ask(frame.now());
        }
        HubDrill.Reading r = latest;
        HubDrill.Status onHub = r == null ? null : r.status();
        long seconds;
        boolean paused = false;
        if (!replaying && onHub != null && onHub.live() && onHub.id().equals(drill.drillId())) {
            if (r != heard) {
                heard = r;
                heardAt = frame.now();
            }
            paused = onHub.state().equals("paused");
            seconds = onHub.clockSeconds() + (paused ? 0 : Duration.between(heardAt, frame.now()).toSeconds());
            if (!paused && !shownPaused && drill.equals(shownDrill)) {
                seconds = Math.max(seconds, shownSeconds); // a fresh answer never sets the running clock back
            }
        } else {
            // the hub's time: the situation's, and the wall's seconds since it arrived (a quiet hub's drill still runs)
            Instant hubNow = s.time().plus(Duration.between(seenAt, frame.now()));
            seconds = Math.max(0, Duration.between(drill.startedAt(), hubNow).toSeconds());
        }
        if (!drill.equals(shownDrill) || seconds != shownSeconds || paused != shownPaused) {
            shownDrill = drill;
            shownSeconds = seconds;
            shownPaused = paused;
            String clock = DrillWidget.clock(seconds);
            label.setText(paused ? I18n.t("drill.banner.paused", drill.name(), I18n.t("drill.clock", clock))
                    : I18n.t("drill.banner", drill.name(), clock));
            label.setVisible(true);
        }
    }

    /** Asks the hub for its drill clock about once a second, one question at a time. */
    private void ask(Instant now) {
        if (hub == null || asking || askedAt != null && Duration.between(askedAt, now).toMillis() < 1000) {
            return;
        }
        asking = true;
        askedAt = now;
        hub.status().thenAccept(answer -> {
            latest = answer;
            Platform.runLater(() -> asking = false);
        });
    }
}
