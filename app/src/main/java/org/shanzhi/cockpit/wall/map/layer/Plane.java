package org.shanzhi.cockpit.wall.map.layer;

import java.util.List;

/**
 * The map's canvases, bottom up, and which a layer paints. The still planes ({@link #BASE}, {@link #HEAT}) reach
 * beyond the map's edges and are drawn again only when their projection or what they show changed: while the view
 * pans within their margin or a zoom is under way they are moved and scaled, not drawn. {@link #LIVE} is drawn in
 * every frame.
 */
public enum Plane {
    BASE, HEAT, LIVE;

    /** The still planes, in the order the map draws them. */
    public static final List<Plane> STILL = java.util.List.of(BASE, HEAT);
}
