package org.shanzhi.cockpit.wall.drill;

import java.time.Duration;
import java.time.Instant;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;

import org.shanzhi.cockpit.domain.DrillStatus;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.wall.I18n;
import org.shanzhi.cockpit.wall.WallFrame;
import org.shanzhi.cockpit.wall.Widget;

/**
 * The 演练 banner every screen shows while a drill runs ({@code Situation.drill()}): the drill's name and how long
 * it has run, in the drill's violet, which no alarm uses, so nobody takes a drill's case for a real one or a real
 * alarm for a drill's. It lets clicks through to what is under it.
 */
public final class DrillBanner implements Widget {

    static final String BANNER = "drill-banner";

    private final Label label = new Label();
    private DrillStatus shownDrill;
    private long shownSeconds = -1;
    private Situation seen;
    private Instant seenAt;

    private DrillBanner() {
        label.getStyleClass().add(BANNER);
        label.setVisible(false);
        label.setMouseTransparent(true);
        // at the foot of the screen: the top is where the alarm bar drops, and a drill brings alarms
        StackPane.setAlignment(label, Pos.BOTTOM_CENTER);
        StackPane.setMargin(label, new Insets(8));
    }

    /** A banner on top of {@code screen}'s stack, to be shown the wall's frames like its widgets. */
    public static DrillBanner on(StackPane screen) {
        DrillBanner b = new DrillBanner();
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
        // the hub's time: the situation's, and the wall's seconds since it arrived (a quiet hub's drill still runs)
        Instant hubNow = s.time().plus(Duration.between(seenAt, frame.now()));
        long seconds = Math.max(0, Duration.between(drill.startedAt(), hubNow).toSeconds());
        if (!drill.equals(shownDrill) || seconds != shownSeconds) {
            shownDrill = drill;
            shownSeconds = seconds;
            label.setText(I18n.t("drill.banner", drill.name(), DrillWidget.clock(seconds)));
            label.setVisible(true);
        }
    }
}
