package org.shanzhi.cockpit.domain;

/** A field unit (单兵): a person with a handheld terminal, its position and status. */
public record FieldUnit(String id, String name, Role role, UnitStatus status, GeoPoint at, double heading,
                        String incidentId, boolean sos) {

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

    public FieldUnit movedTo(GeoPoint p, double newHeading) {
        return new FieldUnit(id, name, role, status, p, newHeading, incidentId, sos);
    }

    public FieldUnit withStatus(UnitStatus s, String incident) {
        return new FieldUnit(id, name, role, s, at, heading, incident, sos);
    }

    public FieldUnit withSos(boolean value) {
        return new FieldUnit(id, name, role, status, at, heading, incidentId, value);
    }
}
