package org.shanzhi.cockpit.wall.dispatch;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.control.Button;
import javafx.scene.layout.Region;

import org.shanzhi.cockpit.domain.DispatchOrder;
import org.shanzhi.cockpit.domain.Recommendations.RecommendedUnit;
import org.shanzhi.cockpit.wall.I18n;

/**
 * What the seat may do about an order its unit keeps waiting, beside 改派 and 撤回: not confirmed by the phone in
 * time, 重发 (the hub records the order as sent again and its stream carries it to the unit's phone once more, which
 * confirms it as soon as it reads it; the wait for the receipt starts again); not accepted in time, 加派 the unit
 * offered instead, leaving the late one on the case.
 */
final class LateOrderActions {

    static final String RESEND = "incident-resend";
    static final String ADD_INSTEAD = "incident-add-instead";

    private LateOrderActions() {
    }

    static List<Button> of(CaseFile.OrderLine l, boolean off, Runnable resend, Runnable addInstead) {
        List<Button> out = new ArrayList<>();
        if (l.lateness() == DispatchOrder.Lateness.NOT_DELIVERED) {
            out.add(button(I18n.t("incident.resend"), RESEND, off, resend));
        }
        RecommendedUnit instead = l.replacement();
        if (instead != null) {
            out.add(button(I18n.t("incident.addInstead", instead.name() == null ? instead.id() : instead.name()),
                    ADD_INSTEAD, off, addInstead));
        }
        return out;
    }

    private static Button button(String text, String style, boolean off, Runnable action) {
        Button b = new Button(text);
        b.getStyleClass().addAll(IncidentScreen.ACTION, "incident-action-suggested", style);
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setDisable(off);
        b.setOnAction(e -> action.run());
        return b;
    }
}
