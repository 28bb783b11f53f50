package org.shanzhi.cockpit.wall;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.feed.FeedStatus;

/**
 * The connection bar: live / catching up, N minutes behind the hub / connecting / reconnecting since T / stale for N s
 * / a picture, not live, the commands waiting to be sent
 * (待发送, when there are any), the situation's time and seq, which 指挥平台 (its address in a tooltip), unreadable frames
 * skipped. Shown every frame, not only
 * on new events, so a dead hub shows its age ticking.
 */
public final class StatusWidget implements Widget {

    static final String STYLE = "status-bar";
    /** The situation's time and seq are said at most this often. */
    private static final Duration SITUATION_EVERY = Duration.ofMillis(250);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private final WallContext context;
    private final Label state = new Label();
    private final Label waiting = new Label();
    private final Label time = new Label();
    private final Label details = new Label();
    private final HBox box;
    // what the bar says now, to tell whether a frame changes it
    private FeedStatus.State shownState;
    private long shownAge;
    private long shownGarbage;
    private long shownReconnects;
    private int shownWaiting;
    private Situation shownSituation;
    private Instant shownAt = Instant.MIN;
    private boolean shownReplay;
    private long shownBehind;

    public StatusWidget(WallContext context) {
        this.context = context;
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        state.getStyleClass().add("status-state");
        details.getStyleClass().add(Theme.KPI_CAPTION);
        time.getStyleClass().add(Theme.KPI_CAPTION);
        waiting.getStyleClass().add("status-state");
        waiting.setVisible(false);
        waiting.managedProperty().bind(waiting.visibleProperty());
        Theme.setState(waiting, Theme.WARNING);
        if (context.hasHub()) {
            details.setTooltip(new Tooltip(context.source())); // the address is for whoever sets the wall up
        }
        box = new HBox(16, state, waiting, time, spacer, details);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add(STYLE);
    }

    @Override
    public Node node() {
        return box;
    }

    /**
     * Every pulse: the texts change when the feed's state, its age in whole seconds or its counts do, and follow
     * the situation's time and seq at most four times a second (a busy feed brings a new one every pulse).
     */
    @Override
    public void show(WallFrame frame) {
        FeedStatus st = frame.feed();
        // live says no age: the bar then changes only with the state, the counts or the situation
        long age = st.state() == FeedStatus.State.LIVE || st.state() == FeedStatus.State.PICTURE ? 0
                : Math.max(0, Duration.between(st.since(), frame.now()).toSeconds());
        Situation situation = frame.hasSituation() ? frame.situation() : null;
        int unsent = context.commands() == null ? 0 : context.commands().waiting();
        // a replay's data time is not the present: the bar says so instead of 实时 (the connection stays live below)
        boolean replay = context.links().replays() != null && context.links().replays().replaying();
        long behind = minutesBehind(st, situation);
        boolean feedChanged = replay != shownReplay || behind != shownBehind || st.state() != shownState || age != shownAge || st.garbageFrames() != shownGarbage
                || st.reconnects() != shownReconnects || unsent != shownWaiting;
        boolean situationDue = situation != shownSituation
                && (shownSituation == null || !frame.now().isBefore(shownAt.plus(SITUATION_EVERY)));
        if (!feedChanged && !situationDue) {
            return;
        }
        shownReplay = replay;
        shownBehind = behind;
        shownState = st.state();
        shownAge = age;
        shownGarbage = st.garbageFrames();
        shownReconnects = st.reconnects();
        shownWaiting = unsent;
        waiting.setVisible(unsent > 0);
        waiting.setText(I18n.t("status.unsent", unsent));
        shownSituation = situation;
        shownAt = frame.now();
        state.setText(switch (st.state()) {
            case LIVE -> I18n.t("status.live");
            case CONNECTING -> I18n.t("status.connecting", age);
            case KEPT -> I18n.t("status.cached", Formats.age(Duration.ofSeconds(age)));
            case RECONNECTING -> I18n.t("status.reconnecting", age);
            case STALE -> I18n.t("status.stale", age);
            case PICTURE -> I18n.t("status.picture");
        });
        Theme.setState(state, switch (st.state()) {
            case LIVE -> Theme.OK;
            case CONNECTING, KEPT, RECONNECTING -> Theme.WARNING;
            case STALE -> Theme.CRITICAL;
            case PICTURE -> Theme.INFO;
        });
        if (replay && st.state() == FeedStatus.State.LIVE) {
            state.setText(I18n.t("status.replay"));
            Theme.setState(state, Theme.INFO);
        } else if (behind >= 0 && st.state() == FeedStatus.State.LIVE) {
            state.setText(I18n.t("status.catchingUp", behind));
            Theme.setState(state, Theme.WARNING);
        }
        time.setText(situation == null ? I18n.t("status.noData")
                : I18n.t("status.time", CLOCK.format(situation.time()), situation.seq()));
        // a picture has no connection whose frames or reconnects could be counted
        details.setText(st.state() == FeedStatus.State.PICTURE ? platform(context)
                : I18n.t("status.details", platform(context), st.garbageFrames(), st.reconnects()));
    }

    /** Which 指挥平台 the wall reads, in the center's words (本机 when it runs on this computer), never its address. */
    static String platform(WallContext context) {
        if (!context.hasHub()) {
            return I18n.t("status.platform.none");
        }
        String host = URI.create(context.source()).getHost();
        boolean here = host == null || host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
        return I18n.t(here ? "status.platform.local" : "status.platform.remote");
    }

    /**
     * Whole minutes (rounded up) from the situation's time to the hub's clock while the hub says it is catching up,
     * else -1: the situation is the hub's present only once the hub has reached its clock.
     */
    static long minutesBehind(FeedStatus st, Situation situation) {
        if (!st.catchingUp() || situation == null) {
            return -1;
        }
        long seconds = Math.max(0, Duration.between(situation.time(), st.hubClock()).toSeconds());
        return (seconds + 59) / 60;
    }
}
