package org.shanzhi.cockpit.domain;

/** A WGS-84 position in decimal degrees. */
public record GeoPoint(double lon, double lat) {

    public GeoPoint {
        if (!Double.isFinite(lon) || lon < -180 || lon > 180) {
            throw new Rejection("lon", "longitude " + lon + " is not within -180..180");
        }
        if (!Double.isFinite(lat) || lat < -90 || lat > 90) {
            throw new Rejection("lat", "latitude " + lat + " is not within -90..90");
        }
    }

    /** Great-circle distance in metres (haversine; precise enough inside one sub-district). */
    public double metresTo(GeoPoint other) {
        double r = 6_371_000;
        double dLat = Math.toRadians(other.lat - lat);
        double dLon = Math.toRadians(other.lon - lon);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat)) * Math.cos(Math.toRadians(other.lat))
                * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * r * Math.asin(Math.sqrt(a));
    }
}
