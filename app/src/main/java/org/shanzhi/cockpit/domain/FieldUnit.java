package org.shanzhi.cockpit.domain;

import java.time.Instant;

/**
 * A field unit (单兵): a person with a handheld terminal, its position and status. {@code positionAt} is when
 * {@code at} was last reported (its registration or its last move), so that a view can tell a stale position.
 */
public record FieldUnit(String id, String name, Role role, UnitStatus status, GeoPoint at, double heading,
                        Instant positionAt, String incidentId, boolean sos) {

    public enum Role {
        GRID_WORKER("网格员"),
        ENFORCEMENT("城管执法"),
        POLICE("派出所"),
        PROPERTY("物业"),
        LANDSCAPING("园林"),
        UTILITY("公用事业");

        public final String zh;

        Role(String zh) {
            this.zh = zh;
        }
    }

    public FieldUnit movedTo(GeoPoint p, double newHeading, Instant when) {
        return new FieldUnit(id, name, role, status, p, newHeading, when, incidentId, sos);
    }

    public FieldUnit withStatus(UnitStatus s, String incident) {
        return new FieldUnit(id, name, role, s, at, heading, positionAt, incident, sos);
    }

    public FieldUnit withSos(boolean value) {
        return new FieldUnit(id, name, role, status, at, heading, positionAt, incidentId, value);
    }
}
