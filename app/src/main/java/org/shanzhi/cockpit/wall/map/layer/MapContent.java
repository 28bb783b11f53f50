package org.shanzhi.cockpit.wall.map.layer;

import java.util.Set;

import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.wall.map.geo.BaseMap;
import org.shanzhi.cockpit.wall.map.geo.OverlayLoader;
import org.shanzhi.cockpit.wall.map.geo.RasterTiles;

/**
 * What a frame of the map shows: the situation (an empty one rather than null), the vector base, the layout's overlay
 * and raster tiles (null without them, and the overlay until it is read), the mark selected (or null) and the layer
 * switches on, by their layout names.
 */
public record MapContent(Situation situation, BaseMap base, OverlayLoader.Overlay overlay, RasterTiles tiles,
                         MapMark selected, Set<String> on) {

    private static final Situation NONE = Situation.empty();

    public MapContent {
        situation = situation == null ? NONE : situation;
        base = base == null ? BaseMap.EMPTY : base;
        on = Set.copyOf(on);
    }
}
