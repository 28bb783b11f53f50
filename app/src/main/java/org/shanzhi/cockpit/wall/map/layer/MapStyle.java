package org.shanzhi.cockpit.wall.map.layer;

import java.util.List;

import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

import org.shanzhi.cockpit.domain.FieldUnit;
import org.shanzhi.cockpit.domain.Incident;
import org.shanzhi.cockpit.domain.Kpi;
import org.shanzhi.cockpit.domain.UnitStatus;
import org.shanzhi.cockpit.wall.StateStyle;
import org.shanzhi.cockpit.wall.Theme;
import org.shanzhi.cockpit.wall.map.geo.CameraClusters;

/**
 * The map's colours (tokens of css/wall.css, read once) and fonts. The colours of a case's severity and a unit's
 * availability are the wall's, from {@link StateStyle}.
 */
public final class MapStyle {

    static final Color BG = Theme.token("-wall-bg");
    static final Color SURFACE = Theme.token("-wall-surface");
    static final Color BORDER = Theme.token("-wall-border");
    static final Color TEXT = Theme.token("-wall-text");
    static final Color TEXT_DIM = Theme.token("-wall-text-dim");
    static final Color LAND = Theme.token("-wall-map-land");
    static final Color ROAD = Theme.token("-wall-map-road");
    static final Color ROAD_MAIN = Theme.token("-wall-map-road-main");
    static final Color BOUNDARY = Theme.token("-wall-map-boundary");
    static final Color GRID = Theme.token("-wall-map-grid");
    static final Color CAMERA = Theme.token("-wall-map-camera");
    static final Color AI = Theme.token("-wall-map-ai");
    static final Color SENSOR = Theme.token("-wall-map-sensor");
    static final Color POI = Theme.token("-wall-map-poi");
    static final Color CHOROPLETH = Theme.token("-wall-map-choropleth");
    static final Color HEAT = Theme.token("-wall-map-heat");
    static final Color OVERLAY = Theme.token("-wall-map-overlay");
    /** A drill's things: the 演练 banner's violet. */
    static final Color DRILL = Theme.token("-wall-drill");
    static final Color CRITICAL = Theme.color(Theme.CRITICAL);
    static final Color STALE = Theme.color(Theme.STALE);
    /** An overdue case's ring. */
    static final Color OVERDUE = StateStyle.sla(Kpi.Sla.OVERDUE).colour();

    /** Minor places and streets are drawn and named from this zoom. */
    static final double DETAIL_LABELS_FROM = 16;

    /** Open cases per 1,000 residents where the choropleth classes begin [E]. */
    static final double[] CHOROPLETH_BREAKS = {0.1, 0.2, 0.3, 0.5};
    // a tint, not a fill: the symbols on top must keep their contrast
    private static final double[] CHOROPLETH_MIX = {0, 0.07, 0.13, 0.20, 0.28};

    static final String FAMILY = family();
    static final Font LABEL = Font.font(FAMILY, 15);
    static final Font LABEL_SMALL = Font.font(FAMILY, 13);
    static final Font COMMUNITY = Font.font(FAMILY, FontWeight.BOLD, 17);
    static final Font CLUSTER = Font.font(FAMILY, FontWeight.BOLD, 13);
    static final Font GLYPH = Font.font(FAMILY, FontWeight.BOLD, 11);
    static final Font LEGEND = Font.font(FAMILY, 14);

    private MapStyle() {
    }

    /** A unit's availability; a unit without a status is away. */
    static UnitStatus.Availability availability(FieldUnit u) {
        return u.status() == null ? UnitStatus.Availability.AWAY : u.status().availability();
    }

    /** The colour of a unit of that availability, as the dispatch board shows it. */
    static Color unit(UnitStatus.Availability a) {
        return StateStyle.availability(a).colour();
    }

    public static Color camera(CameraClusters.State s) {
        return switch (s) {
            case OFFLINE -> STALE;
            case AI -> AI;
            case ONLINE -> CAMERA;
        };
    }

    /** The severity a case is drawn with: one without is a MEDIUM one, as the hub takes it. */
    public static Incident.Severity severity(Incident i) {
        return i.severity() == null ? Incident.Severity.MEDIUM : i.severity();
    }

    /** The colour of a case of that severity, as the dispatch board shows it. */
    static Color severity(Incident.Severity s) {
        return StateStyle.severity(s).colour();
    }

    static int choroplethClass(double perThousand) {
        int c = 0;
        while (c < CHOROPLETH_BREAKS.length && perThousand >= CHOROPLETH_BREAKS[c]) {
            c++;
        }
        return c;
    }

    static Color choropleth(int cls) {
        return LAND.interpolate(CHOROPLETH, CHOROPLETH_MIX[Math.max(0, Math.min(CHOROPLETH_MIX.length - 1, cls))]);
    }

    static int choroplethClasses() {
        return CHOROPLETH_MIX.length;
    }

    /** The first CJK family the machine has, in the order of the wall's stylesheet. */
    private static String family() {
        List<String> families = Font.getFamilies();
        for (String f : List.of("Droid Sans Fallback", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei")) {
            if (families.contains(f)) {
                return f;
            }
        }
        return Font.getDefault().getFamily();
    }
}
