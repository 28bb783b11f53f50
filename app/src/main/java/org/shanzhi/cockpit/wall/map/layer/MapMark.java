package org.shanzhi.cockpit.wall.map.layer;

import org.shanzhi.cockpit.wall.map.geo.BaseMap;
import org.shanzhi.cockpit.wall.map.geo.CameraClusters;

/**
 * One thing drawn in the last frame that a pointer can find: where it was drawn (screen pixels), how
 * big, and the domain object behind it ({@code Camera}, {@link CameraClusters.Cluster}, {@code Sensor},
 * {@code FieldUnit}, {@code Incident}, {@link BaseMap.Poi}, a {@code GridFigures.Row}, {@code Dispute},
 * {@code Petition} or {@code IntelReport}). The list of marks is the map's model of
 * what is on screen; hit-testing and the tests read it.
 */
public record MapMark(Kind kind, String id, double x, double y, double radius, Object subject) {

    public enum Kind { POI, SENSOR, CAMERA, CLUSTER, INCIDENT, UNIT, GRID, DISPUTE, PETITION, INTEL, BUILDING }

    /** Distance from the point to the mark's edge (negative inside). */
    double gap(double px, double py) {
        return Math.hypot(px - x, py - y) - radius;
    }
}
