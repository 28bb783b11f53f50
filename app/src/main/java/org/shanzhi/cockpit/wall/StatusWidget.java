package org.shanzhi.cockpit.wall;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.feed.FeedStatus;

/**
 * The connection bar: live / connecting / reconnecting since T / stale for N s, the situation's
 * time and seq, unreadable frames skipped. Shown every frame, not only on new events, so a
 * dead hub shows its age ticking.
 */
public final class StatusWidget implements Widget {

    static final String STYLE = "status-bar";
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private final WallContext context;
    private final Label state = new Label();
    private final Label time = new Label();
    private final Label details = new Label();
    private final HBox box;
    private Shown shown;

    public StatusWidget(WallContext context) {
        this.context = context;
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        state.getStyleClass().add("status-state");
        details.getStyleClass().add(Theme.KPI_CAPTION);
        time.getStyleClass().add(Theme.KPI_CAPTION);
        box = new HBox(16, state, time, spacer, details);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add(STYLE);
    }

    @Override
    public Node node() {
        return box;
    }

    /** Every pulse: the texts change when the state, its age in seconds, the situation or the counts do. */
    @Override
    public void show(WallFrame frame) {
        FeedStatus st = frame.feed();
        long age = Math.max(0, Duration.between(st.since(), frame.now()).toSeconds());
        Shown now = new Shown(st.state(), age, frame.hasSituation() ? frame.situation() : null, st.garbageFrames(),
                st.reconnects());
        if (now.equals(shown)) {
            return;
        }
        shown = now;
        state.setText(switch (st.state()) {
            case LIVE -> I18n.t("status.live");
            case CONNECTING -> I18n.t("status.connecting", age);
            case RECONNECTING -> I18n.t("status.reconnecting", age);
            case STALE -> I18n.t("status.stale", age);
        });
        Theme.setState(state, switch (st.state()) {
            case LIVE -> Theme.OK;
            case CONNECTING, RECONNECTING -> Theme.WARNING;
            case STALE -> Theme.CRITICAL;
        });
        Situation situation = now.situation();
        time.setText(situation == null ? I18n.t("status.noData")
                : I18n.t("status.time", CLOCK.format(situation.time()), situation.seq()));
        details.setText(I18n.t("status.details", context.source(), st.garbageFrames(), st.reconnects()));
    }

    /** What the bar says, to tell whether a pulse changes it (the situation by identity). */
    private record Shown(FeedStatus.State state, long age, Situation situation, long garbage, long reconnects) {

        @Override
        public boolean equals(Object o) {
            return o instanceof Shown x && x.state == state && x.age == age && x.situation == situation
                    && x.garbage == garbage && x.reconnects == reconnects;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(age);
        }
    }
}
