package org.shanzhi.cockpit.wall.map.layer;

import static org.shanzhi.cockpit.wall.map.layer.MapStyle.BG;
import static org.shanzhi.cockpit.wall.map.layer.MapStyle.DRILL;
import static org.shanzhi.cockpit.wall.map.layer.MapStyle.OVERDUE;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javafx.scene.canvas.GraphicsContext;

import org.shanzhi.cockpit.domain.Incident;
import org.shanzhi.cockpit.domain.Kpi;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.wall.StateStyle;
import org.shanzhi.cockpit.wall.I18n;
import org.shanzhi.cockpit.wall.map.geo.MapProjection;

/** The open cases as diamonds coloured (as on the dispatch board) and sized by severity; an overdue one is ringed. */
final class CasesLayer extends MapLayer {

    static final LayerSwitch INCIDENTS = LayerSwitch.of("incidents");

    CasesLayer() {
        super("cases", Plane.LIVE);
    }

    @Override
    List<LayerSwitch> switches() {
        return List.of(INCIDENTS);
    }

    @Override
    void paint(MapFrame f) {
        GraphicsContext g = f.g();
        MapProjection p = f.view();
        Situation s = f.situation();
        Instant now = s.time();
        for (Incident i : s.incidents().values()) {
            if (i.at() == null || i.state() == null || !i.open()) {
                continue;
            }
            double x = p.xOf(i.at().lon());
            double y = p.yOf(i.at().lat());
            if (!f.onScreen(x, y)) {
                continue;
            }
            Incident.Severity sev = MapStyle.severity(i);
            double r = sev == Incident.Severity.CRITICAL ? 11 : sev == Incident.Severity.HIGH ? 10 : 9;
            if (now != null && i.overdue(now)) {
                g.setStroke(OVERDUE);
                g.setLineWidth(2.5);
                g.strokeOval(x - r - 4, y - r - 4, 2 * r + 8, 2 * r + 8);
            }
            if (s.drillOf("incidents", i.id()) != null) {
                // a drill's case: drawn for the trainees to work, ringed in the drill's violet
                g.setStroke(DRILL);
                g.setLineWidth(3);
                g.setLineDashes(5, 4);
                g.strokeOval(x - r - 8, y - r - 8, 2 * r + 16, 2 * r + 16);
                g.setLineDashes((double[]) null);
            }
            f.stamp(List.of("case", sev), x, y, r + 1, (sg, cx, cy) -> {
                sg.beginPath();
                sg.moveTo(cx, cy - r);
                sg.lineTo(cx + r, cy);
                sg.lineTo(cx, cy + r);
                sg.lineTo(cx - r, cy);
                sg.closePath();
                sg.setFill(MapStyle.severity(sev));
                sg.fill();
                sg.setStroke(BG);
                sg.setLineWidth(1.5);
                sg.stroke();
            });
            f.mark(MapMark.Kind.INCIDENT, i.id(), x, y, r, i);
            f.drew(1);
        }
    }

    @Override
    List<LegendEntry> legend(MapFrame f) {
        String severities = I18n.t("map.legend.incidents", label(Incident.Severity.CRITICAL),
                label(Incident.Severity.HIGH), label(Incident.Severity.MEDIUM), label(Incident.Severity.LOW));
        List<LegendEntry> rows = new ArrayList<>(List.of(
                LegendEntry.row(severities, (g, x, y) -> {
                    int k = 0;
                    for (Incident.Severity sev : new Incident.Severity[] {Incident.Severity.CRITICAL,
                            Incident.Severity.HIGH, Incident.Severity.MEDIUM, Incident.Severity.LOW}) {
                        f.diamond(x - 13 + 9 * k++, y, 5);
                        g.setFill(MapStyle.severity(sev));
                        g.fill();
                    }
                }),
                LegendEntry.row(I18n.t("map.legend.overdue", StateStyle.sla(Kpi.Sla.OVERDUE).label()), (g, x, y) -> {
                    g.setStroke(OVERDUE);
                    g.setLineWidth(2);
                    g.strokeOval(x - 8, y - 8, 16, 16);
                    f.diamond(x, y, 5);
                    g.setFill(MapStyle.severity(Incident.Severity.MEDIUM));
                    g.fill();
                })));
        if (!f.situation().drillThings().isEmpty()) {
            rows.add(LegendEntry.row(I18n.t("map.legend.drill"), (g, x, y) -> {
                g.setStroke(DRILL);
                g.setLineWidth(2);
                g.setLineDashes(4, 3);
                g.strokeOval(x - 8, y - 8, 16, 16);
                g.setLineDashes((double[]) null);
                f.diamond(x, y, 5);
                g.setFill(MapStyle.severity(Incident.Severity.MEDIUM));
                g.fill();
            }));
        }
        return rows;
    }

    private static String label(Incident.Severity s) {
        return StateStyle.severity(s).label();
    }

    @Override
    int legendOrder() {
        return 60;
    }
}
