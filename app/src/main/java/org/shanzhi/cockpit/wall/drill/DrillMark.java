package org.shanzhi.cockpit.wall.drill;

import javafx.scene.control.Label;
import javafx.scene.layout.Region;

import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.wall.I18n;

/**
 * The 演练 mark on whatever a drill made, wherever it is listed (alarm bars, warning and case lists, orders, the
 * incident screen, the triage queue), so that nobody takes a drill's case for a real one: the drill's violet, the
 * colour of the {@link DrillBanner}. A thing is a drill's when {@code Situation.drillThings} names it.
 */
public final class DrillMark {

    /** The style of the mark's label. */
    public static final String STYLE = "drill-mark";

    private DrillMark() {
    }

    /** Whether thing {@code id} of {@code family} ("incidents", "orders", "warnings", "unitSos" …) is a drill's. */
    public static boolean of(Situation s, String family, String id) {
        return s.drillOf(family, id) != null;
    }

    /** The mark as a small violet label, to put before a row's title. */
    public static Label label() {
        Label l = new Label(I18n.t("drill.mark"));
        l.getStyleClass().add(STYLE);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    /** A text with the mark before it, for what shows text alone. */
    public static String text(String text) {
        return I18n.t("drill.mark.text", text);
    }

    /** {@code text}, marked when thing {@code id} of {@code family} is a drill's. */
    public static String text(Situation s, String family, String id, String text) {
        return of(s, family, id) ? text(text) : text;
    }
}
