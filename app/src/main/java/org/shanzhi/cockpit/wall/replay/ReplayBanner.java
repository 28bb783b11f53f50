package org.shanzhi.cockpit.wall.replay;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

import javafx.scene.Node;
import javafx.scene.control.Label;

import org.shanzhi.cockpit.domain.Kpi;
import org.shanzhi.cockpit.replay.ReplaySource;
import org.shanzhi.cockpit.replay.ReplaySwitch;
import org.shanzhi.cockpit.wall.I18n;
import org.shanzhi.cockpit.wall.WallFrame;
import org.shanzhi.cockpit.wall.WallLinks;
import org.shanzhi.cockpit.wall.Widget;

/**
 * The 回放 banner at the top of every screen (in a row of its own) while the wall shows a replay: the replay's time to the second, and
 * whether it plays (at which speed) or stands. Its text changes only when one of those does. Leaving the replay, it
 * says 已退出回放 for a few seconds of the wall's clock and goes by itself: a passing word, nothing to acknowledge.
 */
public final class ReplayBanner implements Widget {

    static final String STYLE = "replay-banner";
    static final String LEFT = "replay-left";
    /** How long the word that the replay is over stays. */
    static final Duration LEFT_FOR = Duration.ofSeconds(6);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(Kpi.BEIJING);

    private final WallLinks links;
    private final Label label = new Label();
    private String shown = "";
    private boolean wasReplay;
    /** When (the wall's clock) the replay was left, while the banner still says so; else null. */
    private Instant leftAt;

    public ReplayBanner(WallLinks links) {
        this.links = links;
        label.getStyleClass().add(STYLE);
        label.setVisible(false);
        label.setMouseTransparent(true);
    }

    @Override
    public Node node() {
        return label;
    }

    @Override
    public void show(WallFrame frame) {
        ReplaySwitch replays = links.replays();
        ReplaySource r = replays == null ? null : replays.replay();
        if (r == null && wasReplay) {
            leftAt = frame.now();
        }
        wasReplay = r != null;
        if (r != null || (leftAt != null && !frame.now().isBefore(leftAt.plus(LEFT_FOR)))) {
            leftAt = null;
        }
        String text = r != null ? text(r) : leftAt != null ? I18n.t("replay.left") : "";
        if (!text.equals(shown)) {
            shown = text;
            label.setText(text);
            label.setVisible(!text.isEmpty());
            label.getStyleClass().remove(LEFT);
            if (leftAt != null) {
                label.getStyleClass().add(LEFT);
            }
        }
    }

    /** "回放 · 2026-05-30 18:42:07 · ▶ 8×" */
    static String text(ReplaySource r) {
        Instant t = r.time();
        String state = r.playing() ? I18n.t("replay.playing", speed(r.speed()))
                : t.equals(r.replay().end()) ? I18n.t("replay.atEnd") : I18n.t("replay.paused");
        return I18n.t("replay.banner", TIME.format(t), state);
    }

    /** 0.25, 2, 64 as an operator reads a speed. */
    static String speed(double s) {
        return s == Math.rint(s) ? Long.toString((long) s) : Double.toString(s);
    }
}
