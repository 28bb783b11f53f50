package org.shanzhi.cockpit.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * 事在格中解, per 综治网格: of the cases whose place lies in a grid and that were opened in a window ({@code found};
 * a case found 核实无效 is no case), those closed (结案) in the grid's own hands ({@code solvedInGrid}: a normal 结案
 * with no 吹哨 on it, so neither escalated to the departments nor closed abnormally, i.e. handed on elsewhere), and
 * those still open. Drill cases never count (read from {@link Situation#live()}). docs/FIGURES.md gives the formula.
 */
public final class GridFigures {

    /** One grid's figures over the window. */
    public record Row(String gridCode, String communityCode, int found, int solvedInGrid, int open) {

        /** The share of the grid's cases solved in the grid; NaN with none found. */
        public Ratio solvedShare() {
            return new Ratio(solvedInGrid, found);
        }
    }

    private GridFigures() {
    }

    /**
     * Every grid with a case found in [from, to), the most found first (then by code); grids with none are left out.
     */
    public static List<Row> of(Situation s, Instant from, Instant to) {
        Situation live = s.live();
        Set<String> escalated = new HashSet<>();
        for (Whistle w : live.whistles().values()) {
            if (w.incidentId() != null) {
                escalated.add(w.incidentId());
            }
        }
        Map<String, int[]> counts = new TreeMap<>();
        for (Incident i : live.incidents().values()) {
            if (i.gridCode() == null || i.state() == IncidentState.INVALID
                    || i.openedAt().isBefore(from) || !i.openedAt().isBefore(to)) {
                continue;
            }
            int[] c = counts.computeIfAbsent(i.gridCode(), g -> new int[3]);
            c[0]++;
            if (i.state() == IncidentState.CLOSED && !escalated.contains(i.id())) {
                c[1]++;
            }
            if (i.open()) {
                c[2]++;
            }
        }
        List<Row> rows = new ArrayList<>(counts.size());
        counts.forEach((code, c) -> {
            Grid g = live.grids().get(code);
            rows.add(new Row(code, g == null ? null : g.communityCode(), c[0], c[1], c[2]));
        });
        rows.sort(Comparator.comparingInt(Row::found).reversed().thenComparing(Row::gridCode));
        return List.copyOf(rows);
    }

    /** The street's share: every grid's cases solved in the grid over every grid's cases found. */
    public static Ratio street(List<Row> rows) {
        long solved = 0;
        long found = 0;
        for (Row r : rows) {
            solved += r.solvedInGrid();
            found += r.found();
        }
        return new Ratio(solved, found);
    }
}
