package org.shanzhi.cockpit.wall.map.layer;

import static org.shanzhi.cockpit.wall.map.layer.MapStyle.BORDER;
import static org.shanzhi.cockpit.wall.map.layer.MapStyle.CHOROPLETH_BREAKS;
import static org.shanzhi.cockpit.wall.map.layer.MapStyle.LABEL_SMALL;
import static org.shanzhi.cockpit.wall.map.layer.MapStyle.LAND;
import static org.shanzhi.cockpit.wall.map.layer.MapStyle.LEGEND;
import static org.shanzhi.cockpit.wall.map.layer.MapStyle.TEXT;
import static org.shanzhi.cockpit.wall.map.layer.MapStyle.TEXT_DIM;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;

import org.pcollections.PMap;

import org.shanzhi.cockpit.domain.Community;
import org.shanzhi.cockpit.domain.DrillThing;
import org.shanzhi.cockpit.domain.District;
import org.shanzhi.cockpit.domain.Incident;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.wall.I18n;
import org.shanzhi.cockpit.wall.map.geo.MapProjection;

/**
 * The land of the communities (the district's box before they are known) and, with {@code communities} on, their
 * choropleth: open cases per 1,000 residents in {@link MapStyle#CHOROPLETH_BREAKS classes}, its scale in the legend.
 * Over raster tiles it is drawn half transparent.
 */
final class CommunitiesLayer extends MapLayer {

    static final LayerSwitch COMMUNITIES = LayerSwitch.of("communities");
    private static final double SWATCH = 36;

    private PMap<String, Incident> countedIncidents;
    private PMap<String, Community> countedCommunities;
    private PMap<String, DrillThing> countedDrillThings;
    private Map<String, Double> openPerThousand = Map.of();

    private PMap<String, Community> drawnCommunities;
    private District drawnDistrict;
    private Map<String, Integer> drawnClasses;

    CommunitiesLayer() {
        super("communities", Plane.BASE);
    }

    @Override
    List<LayerSwitch> switches() {
        return List.of(COMMUNITIES);
    }

    /** The land is always there; the switch adds the choropleth. */
    @Override
    boolean shown(MapFrame f) {
        return true;
    }

    @Override
    boolean changed(MapFrame f) {
        Situation s = f.situation();
        return s.communities() != drawnCommunities || s.district() != drawnDistrict || !classes(f).equals(drawnClasses);
    }

    /** Each community's choropleth class, while the choropleth is on. */
    private Map<String, Integer> classes(MapFrame f) {
        Map<String, Integer> classes = new HashMap<>();
        if (f.on(COMMUNITIES)) {
            countOpenCases(f.situation());
            openPerThousand.forEach((code, rate) -> classes.put(code, MapStyle.choroplethClass(rate)));
        }
        return classes;
    }

    @Override
    void paint(MapFrame f) {
        GraphicsContext g = f.g();
        MapProjection p = f.view();
        Situation s = f.situation();
        boolean choropleth = f.on(COMMUNITIES);
        drawnCommunities = s.communities();
        drawnDistrict = s.district();
        drawnClasses = classes(f);
        if (f.tiles() != null) {
            // the land and the choropleth go over the imagery half transparent
            g.setGlobalAlpha(0.45);
        }
        if (s.communities().isEmpty() && s.district() != null) {
            var b = s.district().bounds();
            g.setFill(LAND);
            double x0 = p.xOf(b.west());
            double y0 = p.yOf(b.north());
            g.fillRect(x0, y0, p.xOf(b.east()) - x0, p.yOf(b.south()) - y0);
            f.drew(1);
            return;
        }
        if (choropleth) {
            countOpenCases(s);
        }
        for (Community c : s.communities().values()) {
            if (c.boundary() == null) {
                continue;
            }
            Double rate = openPerThousand.get(c.code());
            g.setFill(choropleth && rate != null ? MapStyle.choropleth(MapStyle.choroplethClass(rate)) : LAND);
            f.path(c.boundary());
            g.fill();
            f.drew(1);
        }
    }

    private void countOpenCases(Situation s) {
        if (s.incidents() == countedIncidents && s.communities() == countedCommunities
                && s.drillThings() == countedDrillThings) {
            return;
        }
        openPerThousand = openPerThousand(s);
        countedIncidents = s.incidents();
        countedCommunities = s.communities();
        countedDrillThings = s.drillThings();
    }

    /** Each community's open cases per thousand residents, the choropleth's figure: a drill's cases are none of it. */
    static Map<String, Double> openPerThousand(Situation s) {
        Map<String, Integer> open = new HashMap<>();
        for (Incident i : s.incidents().values()) {
            if (i.state() == null || !i.open() || s.drillOf("incidents", i.id()) != null) {
                continue; // a drill's case is no figure of the sub-district
            }
            String code = i.communityCode() != null ? i.communityCode() : i.at() == null ? null : s.communityAt(i.at());
            if (code != null) {
                open.merge(code, 1, Integer::sum);
            }
        }
        Map<String, Double> rates = new HashMap<>();
        for (Community c : s.communities().values()) {
            if (c.population() > 0) {
                rates.put(c.code(), open.getOrDefault(c.code(), 0) * 1000.0 / c.population());
            }
        }
        return rates;
    }

    @Override
    List<LegendEntry> legend(MapFrame f) {
        return f.on(COMMUNITIES) ? List.of(new Scale()) : List.of();
    }

    @Override
    int legendOrder() {
        return 90;
    }

    /** The choropleth's classes under their title, with the breaks between them. */
    private static final class Scale implements LegendEntry {

        @Override
        public double width(MapFrame f) {
            return Math.max(f.width(LEGEND, I18n.t("map.legend.choropleth")), MapStyle.choroplethClasses() * SWATCH);
        }

        @Override
        public double height() {
            return 50;
        }

        @Override
        public void draw(MapFrame f, double x, double y) {
            GraphicsContext g = f.g();
            double cy = y + 4;
            g.setFont(LEGEND);
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.TOP);
            g.setFill(TEXT);
            g.fillText(I18n.t("map.legend.choropleth"), x, cy);
            g.setFont(LABEL_SMALL);
            for (int c = 0; c < MapStyle.choroplethClasses(); c++) {
                double sx = x + c * SWATCH;
                g.setFill(MapStyle.choropleth(c));
                g.fillRect(sx, cy + 22, SWATCH - 2, 10);
                if (c > 0) {
                    g.setFill(TEXT_DIM);
                    g.setTextAlign(TextAlignment.CENTER);
                    double b = CHOROPLETH_BREAKS[c - 1];
                    g.fillText(b == Math.rint(b) ? Integer.toString((int) b) : Double.toString(b), sx - 1, cy + 33);
                }
            }
            g.setStroke(BORDER);
            g.strokeRect(x, cy + 22, SWATCH * MapStyle.choroplethClasses() - 2, 10);
        }
    }
}
