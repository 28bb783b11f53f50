package org.shanzhi.cockpit.wall.map;

import java.util.EnumSet;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/** The situation layers a layout can switch on with the map's {@code layers} option. */
public enum MapLayer {
    COMMUNITIES("communities"),
    GRIDS("grids"),
    CAMERAS("cameras"),
    AI_POINTS("aiPoints"),
    SENSORS("sensors"),
    UNITS("units"),
    INCIDENTS("incidents"),
    COMPLAINT_HEAT("complaintHeat");

    /** The name in the layout files. */
    public final String option;

    MapLayer(String option) {
        this.option = option;
    }

    /** Everything but the heat layer, for a layout that does not say. */
    public static Set<MapLayer> defaults() {
        return EnumSet.complementOf(EnumSet.of(COMPLAINT_HEAT));
    }

    /** The layers named in {@code options.layers}; unknown names are ignored, a missing list gives the defaults. */
    public static Set<MapLayer> fromOptions(JsonNode options) {
        JsonNode list = options == null ? null : options.get("layers");
        if (list == null || !list.isArray()) {
            return defaults();
        }
        EnumSet<MapLayer> out = EnumSet.noneOf(MapLayer.class);
        for (JsonNode n : list) {
            for (MapLayer l : values()) {
                if (l.option.equals(n.asText()) || (l == COMPLAINT_HEAT && "heat".equals(n.asText()))) {
                    out.add(l);
                }
            }
        }
        return out;
    }
}
