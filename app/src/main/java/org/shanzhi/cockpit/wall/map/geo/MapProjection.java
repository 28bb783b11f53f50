package org.shanzhi.cockpit.wall.map.geo;

import org.shanzhi.cockpit.domain.Bounds;

/**
 * A Web-Mercator view of WGS-84 on a canvas of {@code width × height} pixels: the usual web-map
 * projection, zoom 0 being the whole world in one 256-pixel tile. "World" coordinates are the
 * normalised Mercator plane, 0..1 from west to east and from north to south, so static geometry can be
 * projected once and only scaled and shifted per frame. Immutable: every change gives a new view.
 */
public final class MapProjection {

    public static final double TILE = 256;
    public static final double MIN_ZOOM = 10;
    public static final double MAX_ZOOM = 20;
    /** Web Mercator is cut off here (the square world). */
    public static final double MAX_LAT = 85.05112878;
    private static final double EARTH_CIRCUMFERENCE = 2 * Math.PI * 6_378_137;

    private final double centreX;
    private final double centreY;
    private final double zoom;
    private final double width;
    private final double height;
    private final double scale;

    private MapProjection(double centreX, double centreY, double zoom, double width, double height) {
        this.centreX = centreX;
        this.centreY = centreY;
        this.zoom = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoom));
        this.width = Math.max(1, width);
        this.height = Math.max(1, height);
        this.scale = TILE * Math.pow(2, this.zoom);
    }

    public static MapProjection centredOn(double lon, double lat, double zoom, double width, double height) {
        return new MapProjection(worldX(lon), worldY(lat), zoom, width, height);
    }

    /** The view that shows the whole box with {@code margin} pixels to spare on the tighter side. */
    public static MapProjection fitting(Bounds b, double width, double height, double margin) {
        double west = worldX(b.west());
        double east = worldX(b.east());
        double north = worldY(b.north());
        double south = worldY(b.south());
        double w = Math.max(1, width - 2 * margin);
        double h = Math.max(1, height - 2 * margin);
        double pixelsPerWorld = Math.min(w / (east - west), h / (south - north));
        double zoom = Math.log(pixelsPerWorld / TILE) / Math.log(2);
        return new MapProjection((west + east) / 2, (north + south) / 2, zoom, width, height);
    }

    // --- the Mercator plane ---------------------------------------------------------------------------

    public static double worldX(double lon) {
        return (lon + 180) / 360;
    }

    public static double worldY(double lat) {
        double clamped = Math.max(-MAX_LAT, Math.min(MAX_LAT, lat));
        double sin = Math.sin(Math.toRadians(clamped));
        return 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI);
    }

    public static double lonOf(double worldX) {
        return worldX * 360 - 180;
    }

    public static double latOf(double worldY) {
        return Math.toDegrees(Math.atan(Math.sinh(Math.PI * (1 - 2 * worldY))));
    }

    // --- screen <-> world -----------------------------------------------------------------------------

    public double screenX(double worldX) {
        return (worldX - centreX) * scale + width / 2;
    }

    public double screenY(double worldY) {
        return (worldY - centreY) * scale + height / 2;
    }

    public double xOf(double lon) {
        return screenX(worldX(lon));
    }

    public double yOf(double lat) {
        return screenY(worldY(lat));
    }

    public double worldXAt(double sx) {
        return centreX + (sx - width / 2) / scale;
    }

    public double worldYAt(double sy) {
        return centreY + (sy - height / 2) / scale;
    }

    public double lonAt(double sx) {
        return lonOf(worldXAt(sx));
    }

    public double latAt(double sy) {
        return latOf(worldYAt(sy));
    }

    // --- changes --------------------------------------------------------------------------------------

    public MapProjection sized(double w, double h) {
        return new MapProjection(centreX, centreY, zoom, w, h);
    }

    /** The content follows the pointer: a drag by (dx, dy) pixels. */
    public MapProjection panned(double dx, double dy) {
        return new MapProjection(centreX - dx / scale, centreY - dy / scale, zoom, width, height);
    }

    /** Zoom to {@code newZoom} keeping the point under (sx, sy) where it is. */
    public MapProjection zoomedAt(double sx, double sy, double newZoom) {
        double z = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, newZoom));
        double wx = worldXAt(sx);
        double wy = worldYAt(sy);
        double s = TILE * Math.pow(2, z);
        return new MapProjection(wx - (sx - width / 2) / s, wy - (sy - height / 2) / s, z, width, height);
    }

    public MapProjection centredAt(double worldX, double worldY, double newZoom) {
        return new MapProjection(worldX, worldY, newZoom, width, height);
    }

    // --- properties -----------------------------------------------------------------------------------

    public double zoom() {
        return zoom;
    }

    public double width() {
        return width;
    }

    public double height() {
        return height;
    }

    /** Pixels per unit of the world plane. */
    public double scale() {
        return scale;
    }

    public double centreLon() {
        return lonOf(centreX);
    }

    public double centreLat() {
        return latOf(centreY);
    }

    /** Ground metres per pixel at the centre of the view. */
    public double metresPerPixel() {
        return EARTH_CIRCUMFERENCE * Math.cos(Math.toRadians(centreLat())) / scale;
    }

    @Override
    public String toString() {
        return String.format("MapProjection[%.5f, %.5f z%.2f %.0fx%.0f]", centreLon(), centreLat(), zoom, width, height);
    }
}
