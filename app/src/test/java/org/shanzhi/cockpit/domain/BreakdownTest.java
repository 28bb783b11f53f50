package org.shanzhi.cockpit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shanzhi.cockpit.domain.Fixtures.EAST;
import static org.shanzhi.cockpit.domain.Fixtures.WEST;
import static org.shanzhi.cockpit.domain.Fixtures.district;
import static org.shanzhi.cockpit.domain.Fixtures.with;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class BreakdownTest {

    private static final Instant FAR_PAST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant FAR_FUTURE = Instant.parse("2100-01-01T00:00:00Z");

    @Test
    void openCasesByCategoryLeaveOutClosedOnes() {
        Situation s = with(district(), opened("A", "树木倒伏"), opened("B", "树木倒伏"), opened("C", "乱堆物料"),
                opened("D", "乱堆物料"), opened("E", "积水"));
        s = with(s, new Event.IncidentAdvanced("C", IncidentState.VERIFYING, null),
                new Event.IncidentAdvanced("C", IncidentState.INVALID, null));
        assertThat(Breakdown.openIncidentsByCategory(s)).containsExactly(
                new Rankings.Ranked("树木倒伏", 2), new Rankings.Ranked("乱堆物料", 1), new Rankings.Ranked("积水", 1));
    }

    @Test
    void ordersByCommunityNameEveryCommunityQuietOnesWithZero() {
        Situation s = with(district(), complaint("O-1", EAST), complaint("O-2", EAST), complaint("O-3", WEST));
        assertThat(Breakdown.complaintsByCommunity(s, FAR_PAST, FAR_FUTURE)).containsExactly(
                new Rankings.Ranked("东社区", 2), new Rankings.Ranked("西社区", 1));
        assertThat(Breakdown.complaintsByCommunity(s, FAR_FUTURE, FAR_FUTURE.plusSeconds(1))).containsExactly(
                new Rankings.Ranked("东社区", 0), new Rankings.Ranked("西社区", 0));
    }

    @Test
    void alertsByAlgorithmInTheWindow() {
        Situation s = with(district(), alert("AL-1", "暴露垃圾"), alert("AL-2", "暴露垃圾"), alert("AL-3", "火警"));
        assertThat(Breakdown.aiAlertsByKind(s, FAR_PAST, FAR_FUTURE)).containsExactly(
                new Rankings.Ranked("暴露垃圾", 2), new Rankings.Ranked("火警", 1));
        assertThat(Breakdown.aiAlertsByKind(s, FAR_FUTURE, FAR_FUTURE.plusSeconds(1))).isEmpty();
    }

    @Test
    void disputesByTypeAndByCommunityInTheWindow() {
        Situation s = with(district(), dispute("D1", "邻里纠纷", "110106016001"),
                dispute("D2", "邻里纠纷", "110106016002"), dispute("D3", "物业纠纷", "110106016002"),
                dispute("D4", "物业纠纷", null));
        assertThat(Breakdown.disputesByType(s, FAR_PAST, FAR_FUTURE)).containsExactly(
                new Rankings.Ranked("物业纠纷", 2), new Rankings.Ranked("邻里纠纷", 2));
        // a dispute without a community is counted, under no name, last among equals
        assertThat(Breakdown.disputesByCommunity(s, FAR_PAST, FAR_FUTURE)).containsExactly(
                new Rankings.Ranked("东社区", 2), new Rankings.Ranked("西社区", 1), new Rankings.Ranked(null, 1));
        assertThat(Breakdown.disputesByType(s, FAR_FUTURE, FAR_FUTURE.plusSeconds(1))).isEmpty();
    }

    private static Event opened(String id, String category) {
        return new Event.IncidentOpened(id, id, category, Incident.Source.INSPECTOR, null, null, WEST, null, null);
    }

    private static Event complaint(String no, GeoPoint where) {
        return new Event.ComplaintReceived(no, Complaint.Channel.PHONE, Complaint.Type.COMPLAINT, "物业管理",
                Complaint.Priority.NORMAL, where, null, false);
    }

    private static Event alert(String id, String kind) {
        return new Event.AiAlertRaised(id, "CAM-1", kind, "890", 0.8, List.of());
    }

    private static Event dispute(String id, String type, String community) {
        return new Event.DisputeRegistered(id, type, Dispute.Level.SIMPLE, Dispute.Risk.YELLOW, community, null, null, null, null);
    }
}
