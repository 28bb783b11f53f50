package org.shanzhi.cockpit.wall.map.layer;

import static org.shanzhi.cockpit.wall.map.layer.MapStyle.BG;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

import org.shanzhi.cockpit.domain.GeoPoint;
import org.shanzhi.cockpit.domain.Petition;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.wall.I18n;
import org.shanzhi.cockpit.wall.Theme;
import org.shanzhi.cockpit.wall.map.geo.MapProjection;

/**
 * The 信访 matters still open, each a light diamond round its community's centre, a little east of it: red when past its
 * 15-day or 60-day limit, larger for a collective visit (集体访).
 */
final class PetitionsLayer extends MapLayer {

    static final LayerSwitch PETITIONS = LayerSwitch.onRequest("petitions");
    private static final double R = 7;
    /** Pixels east of the community's centre. */
    private static final double EAST = 22;

    PetitionsLayer() {
        super("petitions", Plane.LIVE);
    }

    @Override
    List<LayerSwitch> switches() {
        return List.of(PETITIONS);
    }

    @Override
    void paint(MapFrame f) {
        Situation s = f.situation();
        Map<String, List<Petition>> byCommunity = new TreeMap<>();
        for (Petition pt : s.petitions().values()) {
            if (pt.open() && pt.communityCode() != null) {
                byCommunity.computeIfAbsent(pt.communityCode(), c -> new ArrayList<>()).add(pt);
            }
        }
        GraphicsContext g = f.g();
        MapProjection p = f.view();
        byCommunity.forEach((code, petitions) -> {
            GeoPoint centre = Spread.community(s, code);
            if (centre == null) {
                return;
            }
            for (int k = 0; k < petitions.size(); k++) {
                Petition pt = petitions.get(k);
                double[] at = Spread.at(p.xOf(centre.lon()) + EAST, p.yOf(centre.lat()), k, petitions.size(),
                        2 * R + 2);
                if (!f.onScreen(at[0], at[1])) {
                    continue;
                }
                double r = pt.collective() ? R + 3 : R;
                draw(f, at[0], at[1], r, pt.overdue(s.time()) ? overdue() : open());
                f.mark(MapMark.Kind.PETITION, pt.id(), at[0], at[1], r, pt);
                f.drew(1);
            }
        });
    }

    private static void draw(MapFrame f, double x, double y, double r, Color c) {
        GraphicsContext g = f.g();
        f.diamond(x, y, r);
        g.setFill(c);
        g.fill();
        g.setStroke(BG);
        g.setLineWidth(1);
        g.stroke();
    }

    /** Light, apart from the intel's and the cases' colours. */
    private static Color open() {
        return MapStyle.TEXT;
    }

    private static Color overdue() {
        return Theme.color(Theme.CRITICAL);
    }

    @Override
    List<LegendEntry> legend(MapFrame f) {
        return List.of(LegendEntry.row(I18n.t("map.legend.petitions"), (g, x, y) -> {
            diamond(g, x - 7, y, open());
            diamond(g, x + 7, y, overdue());
        }));
    }

    private static void diamond(GraphicsContext g, double x, double y, Color c) {
        g.setFill(c);
        g.fillPolygon(new double[] {x, x + 5, x, x - 5}, new double[] {y - 5, y, y + 5, y}, 4);
    }

    @Override
    int legendOrder() {
        return 66;
    }
}
