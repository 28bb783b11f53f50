package org.shanzhi.cockpit.domain;

/** An axis-aligned box in WGS-84 degrees. */
public record Bounds(double west, double south, double east, double north) {

    public Bounds {
        if (!(west < east) || !(south < north)) {
            throw new Rejection("bounds", "west must be < east and south < north");
        }
    }

    public boolean contains(GeoPoint p) {
        return p.lon() >= west && p.lon() <= east && p.lat() >= south && p.lat() <= north;
    }

    public GeoPoint centre() {
        return new GeoPoint((west + east) / 2, (south + north) / 2);
    }
}
