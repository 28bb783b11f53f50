package org.shanzhi.cockpit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shanzhi.cockpit.domain.Fixtures.EAST;
import static org.shanzhi.cockpit.domain.Fixtures.WEST;
import static org.shanzhi.cockpit.domain.Fixtures.district;
import static org.shanzhi.cockpit.domain.Fixtures.rect;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** 事在格中解 on a hand-made fixture: the west community's one 综治网格 and the east's. */
class GridFiguresTest {

    private static final String WEST_GRID = "110106016001001";
    private static final String EAST_GRID = "110106016002001";
    private static final Instant FROM = Instant.parse("2026-05-30T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-05-31T00:00:00Z");

    /**
     * West: W1 closed (solved in the grid), W2 closed after a 吹哨 (escalated: not solved in the grid), W3 open, W4
     * 核实无效 (no case), W0 opened before the window (out) → found 3, solved 1, open 1. East: E1 非正常结案 (handed on)
     * → found 1, solved 0, open 0. The street: 1 of 4.
     */
    @Test
    void casesFoundInAGridAndSolvedThereWithoutEscalation() {
        Situation s = with(district(), "2026-05-29T23:00:00Z", new Event.GridRegistered(new Grid(EAST_GRID,
                Grid.Kind.GOVERNANCE, "110106016002", rect(116.395, 39.803, 116.419, 39.831))));
        s = open(s, "W0", WEST, "2026-05-29T23:30:00Z");
        for (String id : List.of("W1", "W2", "W3", "W4")) {
            s = open(s, id, WEST, "2026-05-30T01:00:00Z");
        }
        s = open(s, "E1", EAST, "2026-05-30T01:00:00Z");
        assertThat(s.incidents().get("W1").gridCode()).isEqualTo(WEST_GRID);
        assertThat(s.incidents().get("E1").gridCode()).isEqualTo(EAST_GRID);

        s = closeCase(s, "W0");
        s = closeCase(s, "W1");
        s = with(s, "2026-05-30T02:00:00Z",
                new Event.WhistleBlown("WH", Whistle.Kind.EMERGENCY, "积水", List.of("排水集团"), "W2"));
        s = closeCase(s, "W2");
        s = with(s, "2026-05-30T03:00:00Z", new Event.IncidentAdvanced("W4", IncidentState.VERIFYING, null));
        s = with(s, "2026-05-30T03:00:00Z", new Event.IncidentAdvanced("W4", IncidentState.INVALID, null));
        s = toInProgress(s, "E1");
        s = with(s, "2026-05-30T04:00:00Z",
                new Event.IncidentAdvanced("E1", IncidentState.ABNORMAL_CLOSE_REQUESTED, null));
        s = with(s, "2026-05-30T04:00:00Z", new Event.IncidentAdvanced("E1", IncidentState.CLOSED_ABNORMAL, null));

        List<GridFigures.Row> rows = GridFigures.of(s, FROM, TO);
        assertThat(rows).containsExactly(
                new GridFigures.Row(WEST_GRID, "110106016001", 3, 1, 1),
                new GridFigures.Row(EAST_GRID, "110106016002", 1, 0, 0));
        assertThat(GridFigures.street(rows)).isEqualTo(new Ratio(1, 4));
        assertThat(rows.get(0).solvedShare().value()).isEqualTo(1.0 / 3);
        // the window starts earlier: W0 joins the west, found and solved
        assertThat(GridFigures.of(s, FROM.minusSeconds(7200), TO).get(0))
                .isEqualTo(new GridFigures.Row(WEST_GRID, "110106016001", 4, 2, 1));
        assertThat(GridFigures.of(s, TO, TO.plusSeconds(3600))).isEmpty();
    }

    @Test
    void ordersAndIntelCarryTheirGridAndAPlaceInACommunityWithoutGridsHasNone() {
        Situation s = with(district(), "2026-05-30T01:00:00Z",
                new Event.ComplaintReceived("O-1", Complaint.Channel.PHONE, Complaint.Type.COMPLAINT, "邻里纠纷",
                        Complaint.Priority.NORMAL, WEST, null, false));
        s = with(s, "2026-05-30T01:00:00Z", new Event.ComplaintReceived("O-2", Complaint.Channel.PHONE,
                Complaint.Type.COMPLAINT, "邻里纠纷", Complaint.Priority.NORMAL, EAST, null, false));
        s = with(s, "2026-05-30T01:00:00Z", new Event.IntelReported("Q-1", "INF-1", IntelReport.DISPUTE_SIGN, null,
                "110106016001", "楼上楼下因漏水争吵", WEST_GRID));
        assertThat(s.complaints().get("O-1").gridCode()).isEqualTo(WEST_GRID);
        assertThat(s.complaints().get("O-2").gridCode()).isNull();
        assertThat(s.intel().get("Q-1").gridCode()).isEqualTo(WEST_GRID);

        // a point of its community that no grid holds belongs to the nearest of the community's grids
        s = with(s, "2026-05-30T02:00:00Z", new Event.GridRegistered(new Grid(EAST_GRID, Grid.Kind.GOVERNANCE,
                "110106016002", rect(116.415, 39.828, 116.419, 39.831))));
        s = with(s, "2026-05-30T02:00:00Z", new Event.ComplaintReceived("O-3", Complaint.Channel.PHONE,
                Complaint.Type.COMPLAINT, "邻里纠纷", Complaint.Priority.NORMAL, EAST, null, false));
        assertThat(s.complaints().get("O-3").gridCode()).isEqualTo(EAST_GRID);
    }

    private static Situation with(Situation s, String time, Event e) {
        return s.apply(new Recorded(s.seq() + 1, Instant.parse(time), e));
    }

    private static Situation open(Situation s, String id, GeoPoint where, String time) {
        return with(s, time, new Event.IncidentOpened(id, "t", "c", Incident.Source.GRID_WORKER, null, null, where,
                null, null));
    }

    private static Situation toInProgress(Situation s, String id) {
        String time = "2026-05-30T02:30:00Z";
        for (IncidentState st : List.of(IncidentState.REGISTERED, IncidentState.PENDING_DISPATCH)) {
            s = with(s, time, new Event.IncidentAdvanced(id, st, null));
        }
        s = with(s, time, new Event.IncidentDispatched(id, "U-1"));
        s = with(s, time, new Event.IncidentAdvanced(id, IncidentState.IN_PROGRESS, null));
        return with(s, time, new Event.UnitStatusChanged("U-1", UnitStatus.AVL)); // free for the next case
    }

    private static Situation closeCase(Situation s, String id) {
        s = toInProgress(s, id);
        for (IncidentState st : List.of(IncidentState.DISPOSED, IncidentState.CHECKING, IncidentState.CLOSED)) {
            s = with(s, "2026-05-30T03:00:00Z", new Event.IncidentAdvanced(id, st, null));
        }
        return s;
    }
}
