package org.shanzhi.cockpit.wall.map.layer;

import static org.shanzhi.cockpit.wall.map.layer.MapStyle.BG;
import static org.shanzhi.cockpit.wall.map.layer.MapStyle.TEXT;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

import org.shanzhi.cockpit.domain.Dispute;
import org.shanzhi.cockpit.domain.GeoPoint;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.wall.I18n;
import org.shanzhi.cockpit.wall.Theme;
import org.shanzhi.cockpit.wall.map.geo.MapProjection;

/**
 * The disputes in mediation (在调纠纷), each a dot in its risk colour round its community's centre, a little west of
 * it (the petitions stand east); one referred by the court, the police or 信访 (诉调 / 警调 / 访调) has a ring.
 */
final class DisputesLayer extends MapLayer {

    static final LayerSwitch DISPUTES = LayerSwitch.onRequest("disputes");
    private static final double R = 6;
    /** Pixels west of the community's centre. */
    private static final double WEST = 22;

    DisputesLayer() {
        super("disputes", Plane.LIVE);
    }

    @Override
    List<LayerSwitch> switches() {
        return List.of(DISPUTES);
    }

    @Override
    void paint(MapFrame f) {
        Situation s = f.situation();
        Map<String, List<Dispute>> byCommunity = new TreeMap<>();
        for (Dispute d : s.disputes().values()) {
            if (d.open() && d.communityCode() != null) {
                byCommunity.computeIfAbsent(d.communityCode(), c -> new ArrayList<>()).add(d);
            }
        }
        GraphicsContext g = f.g();
        MapProjection p = f.view();
        byCommunity.forEach((code, disputes) -> {
            GeoPoint centre = Spread.community(s, code);
            if (centre == null) {
                return;
            }
            for (int k = 0; k < disputes.size(); k++) {
                Dispute d = disputes.get(k);
                double[] at = Spread.at(p.xOf(centre.lon()) - WEST, p.yOf(centre.lat()), k, disputes.size(), 2 * R + 3);
                if (!f.onScreen(at[0], at[1])) {
                    continue;
                }
                draw(g, at[0], at[1], colour(d.risk()), d.source() != null && d.source().linkage());
                f.mark(MapMark.Kind.DISPUTE, d.id(), at[0], at[1], R, d);
                f.drew(1);
            }
        });
    }

    private static void draw(GraphicsContext g, double x, double y, Color c, boolean linked) {
        if (linked) {
            g.setStroke(TEXT);
            g.setLineWidth(2);
            g.strokeOval(x - R - 3, y - R - 3, 2 * R + 6, 2 * R + 6);
        }
        g.setFill(c);
        g.fillOval(x - R, y - R, 2 * R, 2 * R);
        g.setStroke(BG);
        g.setLineWidth(1);
        g.strokeOval(x - R, y - R, 2 * R, 2 * R);
    }

    static Color colour(Dispute.Risk risk) {
        return Theme.color(switch (risk) {
            case RED -> Theme.SIGNAL_RED;
            case ORANGE -> Theme.SIGNAL_ORANGE;
            case YELLOW -> Theme.SIGNAL_YELLOW;
        });
    }

    @Override
    List<LegendEntry> legend(MapFrame f) {
        return List.of(
                LegendEntry.row(I18n.t("map.legend.disputes"), (g, x, y) -> {
                    g.setFill(colour(Dispute.Risk.RED));
                    g.fillOval(x - 13, y - 4, 8, 8);
                    g.setFill(colour(Dispute.Risk.ORANGE));
                    g.fillOval(x - 4, y - 4, 8, 8);
                    g.setFill(colour(Dispute.Risk.YELLOW));
                    g.fillOval(x + 5, y - 4, 8, 8);
                }),
                LegendEntry.row(I18n.t("map.legend.disputes.linked"),
                        (g, x, y) -> draw(g, x, y, colour(Dispute.Risk.YELLOW), true)));
    }

    @Override
    int legendOrder() {
        return 65;
    }
}
