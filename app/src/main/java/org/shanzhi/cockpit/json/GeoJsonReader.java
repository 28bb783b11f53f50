package org.shanzhi.cockpit.json;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.shanzhi.cockpit.domain.GeoPoint;
import org.shanzhi.cockpit.domain.RoadNetwork.Road;

/**
 * Reads the LineString and Point features of a GeoJSON FeatureCollection (WGS-84 lon/lat): the one reader of
 * the scenario's roads and points of interest, for the wall's base map and the road network alike. A feature
 * that is not usable is skipped and logged with the file and its index; one bad feature never costs the rest
 * of the file.
 */
public final class GeoJsonReader {

    private static final Logger log = LoggerFactory.getLogger(GeoJsonReader.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A point of interest; {@code kind} as in pois.geojson (metro_station, street_office, school …). */
    public record Point(String id, String name, String kind, GeoPoint at) {
    }

    private final List<String> skipped = new ArrayList<>();

    /** Why features were skipped so far, as "file: features[i]: reason". */
    public List<String> skipped() {
        return List.copyOf(skipped);
    }

    public List<Road> roads(InputStream in, String file) throws IOException {
        List<Road> out = new ArrayList<>();
        JsonNode features = features(in, file);
        for (int i = 0; i < features.size(); i++) {
            JsonNode f = features.get(i);
            JsonNode geometry = f.path("geometry");
            if (!"LineString".equals(geometry.path("type").asText())) {
                skip(file, i, "geometry is " + describe(geometry.path("type")) + ", not LineString");
                continue;
            }
            JsonNode coords = geometry.path("coordinates");
            if (!coords.isArray() || coords.size() < 2) {
                skip(file, i, "a LineString needs at least 2 positions");
                continue;
            }
            List<GeoPoint> points = new ArrayList<>();
            String bad = null;
            for (int k = 0; k < coords.size() && bad == null; k++) {
                bad = position(coords.get(k));
                if (bad == null) {
                    points.add(new GeoPoint(coords.get(k).get(0).asDouble(), coords.get(k).get(1).asDouble()));
                } else {
                    bad = "coordinates[" + k + "]: " + bad;
                }
            }
            if (bad != null) {
                skip(file, i, bad);
                continue;
            }
            JsonNode p = f.path("properties");
            out.add(new Road(text(p, "name"), text(p, "kind"), points));
        }
        return out;
    }

    public List<Point> pois(InputStream in, String file) throws IOException {
        List<Point> out = new ArrayList<>();
        JsonNode features = features(in, file);
        for (int i = 0; i < features.size(); i++) {
            JsonNode f = features.get(i);
            JsonNode geometry = f.path("geometry");
            if (!"Point".equals(geometry.path("type").asText())) {
                skip(file, i, "geometry is " + describe(geometry.path("type")) + ", not Point");
                continue;
            }
            String bad = position(geometry.path("coordinates"));
            if (bad != null) {
                skip(file, i, "coordinates: " + bad);
                continue;
            }
            JsonNode p = f.path("properties");
            String name = text(p, "name");
            if (name == null) {
                skip(file, i, "no name");
                continue;
            }
            JsonNode c = geometry.get("coordinates");
            String id = text(p, "id");
            out.add(new Point(id == null ? "poi-" + i : id, name, text(p, "kind"),
                    new GeoPoint(c.get(0).asDouble(), c.get(1).asDouble())));
        }
        return out;
    }

    private static JsonNode features(InputStream in, String file) throws IOException {
        JsonNode root = MAPPER.readTree(in);
        if (root == null || !"FeatureCollection".equals(root.path("type").asText()) || !root.path("features").isArray()) {
            throw new IOException(file + ": not a GeoJSON FeatureCollection with a features array");
        }
        return root.get("features");
    }

    /** Null when the node is a usable [lon, lat], else why not. */
    private static String position(JsonNode c) {
        if (c == null || !c.isArray() || c.size() < 2 || !c.get(0).isNumber() || !c.get(1).isNumber()) {
            return "not a [lon, lat] pair of numbers";
        }
        double lon = c.get(0).asDouble();
        double lat = c.get(1).asDouble();
        if (!Double.isFinite(lon) || lon < -180 || lon > 180 || !Double.isFinite(lat) || lat < -90 || lat > 90) {
            return "[" + lon + ", " + lat + "] is outside WGS-84";
        }
        return null;
    }

    private static String text(JsonNode p, String field) {
        JsonNode v = p.path(field);
        return v.isTextual() && !v.asText().isBlank() ? v.asText() : null;
    }

    private static String describe(JsonNode type) {
        return type.isMissingNode() ? "missing" : type.toString();
    }

    private void skip(String file, int index, String reason) {
        String why = file + ": features[" + index + "]: " + reason;
        skipped.add(why);
        log.warn("skipping a map feature: {}", why);
    }
}
