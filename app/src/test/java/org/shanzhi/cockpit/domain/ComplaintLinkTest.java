package org.shanzhi.cockpit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.shanzhi.cockpit.domain.Fixtures.EAST;
import static org.shanzhi.cockpit.domain.Fixtures.T0;
import static org.shanzhi.cockpit.domain.Fixtures.WEST;
import static org.shanzhi.cockpit.domain.Fixtures.district;
import static org.shanzhi.cockpit.domain.Fixtures.with;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** A 12345 order joined to a case (并案): 办结 by the case's 结案, then its 回访 counts in the 三率. */
class ComplaintLinkTest {

    /** A case being checked, and a 12345 order 办理中 joined to it. */
    private static Situation joined() {
        Situation s = with(district(),
                new Event.ComplaintReceived("O-1", Complaint.Channel.PHONE, Complaint.Type.HELP, "园林绿化",
                        Complaint.Priority.URGENT, EAST, "树木倒伏堵路", false),
                new Event.IncidentOpened("INC-1", "树木倒伏", "树木倒伏", Incident.Source.HOTLINE,
                        Incident.Severity.HIGH, IncidentState.REGISTERED, WEST, null, null),
                new Event.ComplaintLinked("O-1", "INC-1"),
                new Event.ComplaintAdvanced("O-1", ComplaintState.DISPATCHED),
                new Event.ComplaintAdvanced("O-1", ComplaintState.SIGNED),
                new Event.ComplaintAdvanced("O-1", ComplaintState.CONTACTED),
                new Event.ComplaintAdvanced("O-1", ComplaintState.IN_PROGRESS),
                new Event.OrderIssued("ZL-1", "INC-1", "U-1", "清理倒伏树木", null, DispatchOrder.Issuer.CENTER, false));
        for (OrderState step : new OrderState[] {OrderState.DELIVERED, OrderState.ACCEPTED, OrderState.EN_ROUTE,
                OrderState.ON_SITE, OrderState.WORKING}) {
            s = with(s, new Event.OrderAdvanced("ZL-1", step, "U-1", null, null, java.util.List.of()));
        }
        return with(s, new Event.OrderAdvanced("ZL-1", OrderState.REPORTED, "U-1", null, "已清理", java.util.List.of()),
                new Event.IncidentAdvanced("INC-1", IncidentState.CHECKING, null));
    }

    @Test
    void closingTheCaseRepliesItsJoinedOrderAndTheRevisitCountsInTheThreeRates() {
        Situation s = joined();
        assertThat(s.complaints().get("O-1").incidentId()).isEqualTo("INC-1");
        assertThat(s.complaints().get("O-1").state()).isEqualTo(ComplaintState.IN_PROGRESS);

        s = with(s, new Event.IncidentAdvanced("INC-1", IncidentState.CLOSED, "核查通过"));
        Complaint c = s.complaints().get("O-1");
        assertThat(c.state()).isEqualTo(ComplaintState.REPLIED);
        assertThat(c.repliedAt()).isEqualTo(s.incidents().get("INC-1").closedAt());

        s = with(s, new Event.ComplaintRevisited("O-1", true, Complaint.Resolution.YES,
                Complaint.Satisfaction.BASICALLY_SATISFIED));
        Kpi.ThreeRates rates = Kpi.threeRates(s, T0, Instant.MAX, Kpi.Weights.DEFAULT);
        assertThat(rates.evaluated()).isEqualTo(1);
        assertThat(rates.response()).isEqualTo(1.0);
        assertThat(rates.resolution()).isEqualTo(1.0);
        assertThat(rates.satisfaction()).isEqualTo(Kpi.Weights.DEFAULT.basicallySatisfied());
    }

    @Test
    void aJoinedOrderIsNotRepliedWhileItsCaseIsOpen() {
        Situation s = joined();
        assertThatThrownBy(() -> with(s, new Event.ComplaintAdvanced("O-1", ComplaintState.REPLIED)))
                .isInstanceOf(Rejection.class).hasMessageContaining("INC-1");
        Situation returned = with(s, new Event.IncidentAdvanced("INC-1", IncidentState.REWORK, null));
        assertThat(returned.complaints().get("O-1").state()).isEqualTo(ComplaintState.IN_PROGRESS);
    }

    @Test
    void anOrderJoinsOneOpenCaseOnce() {
        Situation s = joined();
        assertThatThrownBy(() -> with(s, new Event.ComplaintLinked("O-1", "INC-1")))
                .isInstanceOf(Rejection.class).hasMessageContaining("already joined");
        assertThatThrownBy(() -> with(s, new Event.ComplaintLinked("O-2", "INC-1")))
                .isInstanceOf(Rejection.class).hasMessageContaining("O-2");
        Situation closed = with(s, new Event.IncidentAdvanced("INC-1", IncidentState.CLOSED, null),
                new Event.ComplaintReceived("O-3", Complaint.Channel.WEB, Complaint.Type.COMPLAINT, "园林绿化",
                        Complaint.Priority.TIMELY, EAST, "树枝挡路", false));
        assertThatThrownBy(() -> with(closed, new Event.ComplaintLinked("O-3", "INC-1")))
                .isInstanceOf(Rejection.class).hasMessageContaining("INC-1");
    }

    @Test
    void anAbnormalCloseLeavesTheOrderToBeRepliedByItsOwnHandler() {
        Situation s = with(district(),
                new Event.ComplaintReceived("O-1", Complaint.Channel.PHONE, Complaint.Type.HELP, "园林绿化",
                        Complaint.Priority.URGENT, EAST, "树木倒伏堵路", false),
                new Event.IncidentOpened("INC-1", "树木倒伏", "树木倒伏", Incident.Source.HOTLINE,
                        Incident.Severity.HIGH, IncidentState.REPORTED, WEST, null, null),
                new Event.ComplaintLinked("O-1", "INC-1"),
                new Event.IncidentAdvanced("INC-1", IncidentState.VERIFYING, null),
                new Event.IncidentAdvanced("INC-1", IncidentState.INVALID, "现场无倒伏"),
                new Event.ComplaintAdvanced("O-1", ComplaintState.DISPATCHED),
                new Event.ComplaintAdvanced("O-1", ComplaintState.SIGNED),
                new Event.ComplaintAdvanced("O-1", ComplaintState.CONTACTED),
                new Event.ComplaintAdvanced("O-1", ComplaintState.IN_PROGRESS),
                new Event.ComplaintAdvanced("O-1", ComplaintState.REPLIED));
        assertThat(s.complaints().get("O-1").state()).isEqualTo(ComplaintState.REPLIED);
    }
}
