package org.shanzhi.cockpit.hub.sim;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.shanzhi.cockpit.domain.Bounds;
import org.shanzhi.cockpit.domain.Camera;
import org.shanzhi.cockpit.domain.Community;
import org.shanzhi.cockpit.domain.District;
import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.FieldUnit;
import org.shanzhi.cockpit.domain.GeoPoint;
import org.shanzhi.cockpit.domain.Grid;
import org.shanzhi.cockpit.domain.Polygon;
import org.shanzhi.cockpit.domain.Rejection;
import org.shanzhi.cockpit.domain.Sensor;
import org.shanzhi.cockpit.domain.UnitStatus;

/**
 * The 和义街道 scenario as read from {@code assets/heyi/}: the inventory the hub appends before the
 * simulation starts, plus the map context the simulator needs (roads, POIs, committees, officers).
 * A bad feature (broken geometry, a coordinate outside the district, an unknown property) is
 * skipped with a logged reason; the rest still loads. Only a missing or broken district fails.
 */
public final class HeyiScenario {

    private static final Logger log = LoggerFactory.getLogger(HeyiScenario.class);

    /** The system property naming the top-level assets directory. */
    public static final String ASSETS_PROPERTY = "shanzhi.assets";
    static final String CLASSPATH_FOLDER = "assets/heyi/";

    public record Road(String name, String kind, boolean synthetic, List<GeoPoint> points) {
        public Road {
            points = List.copyOf(points);
        }
    }

    public record Poi(String id, String name, String kind, GeoPoint at, boolean synthetic) {
    }

    /** A people's mediation committee (调委会) and its mediators. */
    public record Committee(String name, String communityCode, List<String> mediators) {
        public Committee {
            mediators = List.copyOf(mediators);
        }
    }

    /** One of the 120 情报信息员. */
    public record Officer(String id, String communityCode) {
    }

    private final District district;
    private final List<Community> communities;
    private final Map<String, Integer> buildings;
    private final List<Grid> grids;
    private final List<Camera> cameras;
    private final List<Sensor> sensors;
    private final List<FieldUnit> units;
    private final List<Road> roads;
    private final List<Poi> pois;
    private final List<Committee> committees;
    private final List<Officer> officers;
    private final List<String> skipped;

    private HeyiScenario(Loader l) {
        this.district = l.district;
        this.communities = List.copyOf(l.communities);
        this.buildings = Map.copyOf(l.buildings);
        this.grids = List.copyOf(l.grids);
        this.cameras = List.copyOf(l.cameras);
        this.sensors = List.copyOf(l.sensors);
        this.units = List.copyOf(l.units);
        this.roads = List.copyOf(l.roads);
        this.pois = List.copyOf(l.pois);
        this.committees = List.copyOf(l.committees);
        this.officers = List.copyOf(l.officers);
        this.skipped = List.copyOf(l.skipped);
    }

    /**
     * Loads from a directory: either the top-level {@code assets/} (then {@code heyi/} inside it is
     * used) or the {@code heyi/} folder itself.
     */
    public static HeyiScenario load(Path assetsDir) {
        Path dir = Files.isRegularFile(assetsDir.resolve("heyi").resolve("district.json"))
                ? assetsDir.resolve("heyi") : assetsDir;
        log.info("loading the 和义 scenario from {}", dir.toAbsolutePath());
        return new HeyiScenario(new Loader(name -> {
            Path p = dir.resolve(name);
            return Files.isRegularFile(p) ? Files.newInputStream(p) : null;
        }, dir.toString()).run());
    }

    /**
     * The system property {@value #ASSETS_PROPERTY} (a directory), else {@code ./assets}, else
     * the {@code assets/heyi/} folder on the classpath (inside the jar).
     */
    public static HeyiScenario loadDefault() {
        String prop = System.getProperty(ASSETS_PROPERTY);
        if (prop != null && !prop.isBlank() && hasDistrict(Path.of(prop))) {
            return load(Path.of(prop));
        }
        if (hasDistrict(Path.of("assets"))) {
            return load(Path.of("assets"));
        }
        ClassLoader cl = HeyiScenario.class.getClassLoader();
        if (cl.getResource(CLASSPATH_FOLDER + "district.json") == null) {
            throw new IllegalStateException("no 和义 scenario assets: set -D" + ASSETS_PROPERTY
                    + "=<dir>, run where ./assets exists, or put assets/heyi/ on the classpath");
        }
        log.info("loading the 和义 scenario from the classpath {}", CLASSPATH_FOLDER);
        return new HeyiScenario(new Loader(name -> cl.getResourceAsStream(CLASSPATH_FOLDER + name),
                "classpath:" + CLASSPATH_FOLDER).run());
    }

    private static boolean hasDistrict(Path dir) {
        return Files.isRegularFile(dir.resolve("heyi").resolve("district.json"))
                || Files.isRegularFile(dir.resolve("district.json"));
    }

    /**
     * The inventory events in the order the fold accepts them: DistrictDefined, CommunityRegistered,
     * GridRegistered, CameraRegistered, SensorRegistered, UnitRegistered.
     */
    public List<Event> inventory() {
        List<Event> out = new ArrayList<>(2 + communities.size() + grids.size() + cameras.size() + sensors.size()
                + units.size());
        out.add(new Event.DistrictDefined(district));
        communities.forEach(c -> out.add(new Event.CommunityRegistered(c)));
        grids.forEach(g -> out.add(new Event.GridRegistered(g)));
        cameras.forEach(c -> out.add(new Event.CameraRegistered(c)));
        sensors.forEach(s -> out.add(new Event.SensorRegistered(s)));
        units.forEach(u -> out.add(new Event.UnitRegistered(u)));
        return out;
    }

    public District district() {
        return district;
    }

    public List<Community> communities() {
        return communities;
    }

    /** Residential buildings per community code (for outages). */
    public int buildings(String communityCode) {
        return buildings.getOrDefault(communityCode, 0);
    }

    public List<Grid> grids() {
        return grids;
    }

    public List<Camera> cameras() {
        return cameras;
    }

    public List<Sensor> sensors() {
        return sensors;
    }

    public List<FieldUnit> units() {
        return units;
    }

    /** Road polylines, for patrol movement. */
    public List<Road> roads() {
        return roads;
    }

    public List<Poi> pois() {
        return pois;
    }

    public List<Committee> committees() {
        return committees;
    }

    public List<Officer> officers() {
        return officers;
    }

    /** One line per skipped feature or item: file, index/id and the reason. */
    public List<String> skipped() {
        return skipped;
    }

    // --- loading -----------------------------------------------------------------------------------

    private interface Opener {
        InputStream open(String name) throws IOException;
    }

    /** A feature or item that cannot be used; the loader logs it and goes on. */
    private static final class Bad extends RuntimeException {
        Bad(String reason) {
            super(reason, null, false, false);
        }
    }

    private static final class Loader {
        private static final ObjectMapper JSON = new ObjectMapper();
        private static final Set<String> FEATURE_KEYS = Set.of("type", "properties", "geometry", "id");
        private static final Set<String> GEOMETRY_KEYS = Set.of("type", "coordinates");
        private static final Set<String> COMMUNITY_PROPS = Set.of("code", "name", "shortName", "households",
                "population", "buildings", "centroid", "synthetic", "approximate");
        private static final Set<String> ROAD_PROPS = Set.of("name", "kind", "synthetic");
        private static final Set<String> POI_PROPS = Set.of("id", "name", "kind", "synthetic", "source");
        private static final Set<String> GRID_PROPS = Set.of("code", "kind", "communityCode", "stepMetres");
        private static final Set<String> CAMERA_KEYS = Set.of("id", "name", "lon", "lat", "communityCode", "ai",
                "online", "streamPath");
        private static final Set<String> SENSOR_KEYS = Set.of("id", "kind", "name", "lon", "lat", "communityCode",
                "threshold", "baseline");
        private static final Set<String> UNIT_KEYS = Set.of("id", "name", "role", "lon", "lat", "gridCode");
        private static final Set<String> COMMITTEE_KEYS = Set.of("name", "communityCode", "mediators");
        private static final Set<String> OFFICER_KEYS = Set.of("id", "communityCode");

        private final Opener opener;
        private final String where;
        District district;
        Bounds bounds;
        final List<Community> communities = new ArrayList<>();
        final Map<String, Integer> buildings = new LinkedHashMap<>();
        final List<Grid> grids = new ArrayList<>();
        final List<Camera> cameras = new ArrayList<>();
        final List<Sensor> sensors = new ArrayList<>();
        final List<FieldUnit> units = new ArrayList<>();
        final List<Road> roads = new ArrayList<>();
        final List<Poi> pois = new ArrayList<>();
        final List<Committee> committees = new ArrayList<>();
        final List<Officer> officers = new ArrayList<>();
        final List<String> skipped = new ArrayList<>();

        Loader(Opener opener, String where) {
            this.opener = opener;
            this.where = where;
        }

        Loader run() {
            JsonNode d = read("district.json", true);
            try {
                JsonNode b = d.path("bounds");
                bounds = new Bounds(num(b, "west"), num(b, "south"), num(b, "east"), num(b, "north"));
                district = new District(text(d, "code"), text(d, "name"), (int) num(d, "population"),
                        num(d, "areaKm2"), bounds);
            } catch (Bad | Rejection e) {
                throw new IllegalStateException(where + "/district.json: " + e.getMessage());
            }
            features("communities.geojson", COMMUNITY_PROPS, "Polygon", (p, g, id) -> {
                Polygon ring = polygon(g);
                String code = text(p, "code");
                if (communities.stream().anyMatch(c -> c.code().equals(code))) {
                    throw new Bad("duplicate community code " + code);
                }
                communities.add(new Community(code, text(p, "name"), (int) num(p, "population"),
                        (int) num(p, "households"), ring, p.path("synthetic").asBoolean(false)));
                buildings.put(code, p.path("buildings").asInt(0));
            });
            features("roads.geojson", ROAD_PROPS, "LineString", (p, g, id) -> {
                List<GeoPoint> pts = points(g.path("coordinates"));
                if (pts.size() < 2) {
                    throw new Bad("a road needs at least 2 points");
                }
                roads.add(new Road(text(p, "name"), p.path("kind").asText("street"), p.path("synthetic").asBoolean(false),
                        pts));
            });
            features("pois.geojson", POI_PROPS, "Point", (p, g, id) ->
                    pois.add(new Poi(text(p, "id"), text(p, "name"), text(p, "kind"), point(g.path("coordinates")),
                            p.path("synthetic").asBoolean(false))));
            Set<String> gridCodes = new HashSet<>();
            features("grids.geojson", GRID_PROPS, "Polygon", (p, g, id) -> {
                Polygon ring = polygon(g);
                String community = knownCommunity(text(p, "communityCode"));
                Grid.Kind kind;
                try {
                    kind = Grid.Kind.valueOf(text(p, "kind"));
                } catch (IllegalArgumentException e) {
                    throw new Bad("unknown grid kind " + p.path("kind").asText());
                }
                String code = text(p, "code");
                if (!gridCodes.add(code)) {
                    throw new Bad("duplicate grid code " + code);
                }
                grids.add(new Grid(code, kind, community, ring));
            });
            JsonNode inv = read("inventory.json", false);
            if (inv != null) {
                items(inv, "cameras", CAMERA_KEYS, n -> {
                    GeoPoint at = inside(new GeoPoint(num(n, "lon"), num(n, "lat")));
                    String community = n.hasNonNull("communityCode") ? knownCommunity(text(n, "communityCode"))
                            : communityAt(at);
                    cameras.add(new Camera(text(n, "id"), text(n, "name"), at, community, n.path("ai").asBoolean(false),
                            n.path("online").asBoolean(true), text(n, "streamPath")));
                });
                items(inv, "sensors", SENSOR_KEYS, n -> {
                    GeoPoint at = inside(new GeoPoint(num(n, "lon"), num(n, "lat")));
                    Sensor.Kind kind;
                    try {
                        kind = Sensor.Kind.valueOf(text(n, "kind"));
                    } catch (IllegalArgumentException e) {
                        throw new Bad("unknown sensor kind " + n.path("kind").asText());
                    }
                    String community = n.hasNonNull("communityCode") ? knownCommunity(text(n, "communityCode"))
                            : communityAt(at);
                    double baseline = n.path("baseline").asDouble(0);
                    double threshold = num(n, "threshold");
                    sensors.add(new Sensor(text(n, "id"), kind, at, community, threshold, baseline,
                            baseline >= threshold, null));
                });
                items(inv, "units", UNIT_KEYS, n -> {
                    FieldUnit.Role role;
                    try {
                        role = FieldUnit.Role.valueOf(text(n, "role"));
                    } catch (IllegalArgumentException e) {
                        throw new Bad("unknown unit role " + n.path("role").asText());
                    }
                    GeoPoint at = inside(new GeoPoint(num(n, "lon"), num(n, "lat")));
                    units.add(new FieldUnit(text(n, "id"), text(n, "name"), role, UnitStatus.OFF, at, 0, null, null,
                            false));
                });
                items(inv, "committees", COMMITTEE_KEYS, n -> {
                    List<String> mediators = new ArrayList<>();
                    n.path("mediators").forEach(m -> mediators.add(m.asText()));
                    committees.add(new Committee(text(n, "name"), knownCommunity(text(n, "communityCode")), mediators));
                });
                items(inv, "officers", OFFICER_KEYS, n ->
                        officers.add(new Officer(text(n, "id"), knownCommunity(text(n, "communityCode")))));
            }
            log.info("和义 scenario: {} communities, {} grids, {} cameras ({} AI), {} sensors, {} units, {} roads, "
                            + "{} POIs, {} committees, {} officers; {} skipped", communities.size(), grids.size(),
                    cameras.size(), cameras.stream().filter(Camera::ai).count(), sensors.size(), units.size(),
                    roads.size(), pois.size(), committees.size(), officers.size(), skipped.size());
            return this;
        }

        private interface FeatureReader {
            void read(JsonNode properties, JsonNode geometry, String id);
        }

        private interface ItemReader {
            void read(JsonNode item);
        }

        private JsonNode read(String name, boolean required) {
            try (InputStream in = opener.open(name)) {
                if (in == null) {
                    if (required) {
                        throw new IllegalStateException(where + "/" + name + " is missing");
                    }
                    log.warn("{}/{} is missing; nothing loaded from it", where, name);
                    return null;
                }
                return JSON.readTree(in);
            } catch (IOException e) {
                if (required) {
                    throw new UncheckedIOException(where + "/" + name + " cannot be read", e);
                }
                log.warn("{}/{} cannot be read, skipped: {}", where, name, e.getMessage());
                return null;
            }
        }

        private void features(String file, Set<String> props, String geometryType, FeatureReader reader) {
            JsonNode root = read(file, false);
            if (root == null) {
                return;
            }
            JsonNode list = root.path("features");
            for (int i = 0; i < list.size(); i++) {
                JsonNode f = list.get(i);
                JsonNode p = f.path("properties");
                String id = p.hasNonNull("code") ? p.path("code").asText()
                        : p.hasNonNull("id") ? p.path("id").asText() : p.path("name").asText(null);
                try {
                    unknownKeys(f, FEATURE_KEYS, "feature");
                    unknownKeys(p, props, "property");
                    JsonNode g = f.path("geometry");
                    unknownKeys(g, GEOMETRY_KEYS, "geometry member");
                    if (!geometryType.equals(g.path("type").asText())) {
                        throw new Bad("geometry must be a " + geometryType + ", got " + g.path("type").asText("none"));
                    }
                    reader.read(p, g, id);
                } catch (Bad | Rejection e) {
                    skip(file, "feature " + i + (id == null ? "" : " (" + id + ")"), e.getMessage());
                }
            }
        }

        private void items(JsonNode inv, String array, Set<String> keys, ItemReader reader) {
            JsonNode list = inv.path(array);
            for (int i = 0; i < list.size(); i++) {
                JsonNode n = list.get(i);
                String id = n.hasNonNull("id") ? n.path("id").asText() : n.path("name").asText(null);
                try {
                    unknownKeys(n, keys, "property");
                    reader.read(n);
                } catch (Bad | Rejection e) {
                    skip("inventory.json", array + "[" + i + "]" + (id == null ? "" : " (" + id + ")"), e.getMessage());
                }
            }
        }

        private void skip(String file, String which, String reason) {
            String line = file + ": " + which + " skipped: " + reason;
            skipped.add(line);
            log.warn("{} ({})", line, where);
        }

        private static void unknownKeys(JsonNode n, Set<String> allowed, String what) {
            if (!n.isObject()) {
                throw new Bad(what + "s must be an object");
            }
            for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!allowed.contains(k)) {
                    throw new Bad("unknown " + what + " '" + k + "'");
                }
            }
        }

        private static String text(JsonNode n, String field) {
            JsonNode v = n.get(field);
            if (v == null || v.isNull() || !v.isValueNode() || v.asText().isBlank()) {
                throw new Bad("'" + field + "' is required");
            }
            return v.asText();
        }

        private static double num(JsonNode n, String field) {
            JsonNode v = n.get(field);
            if (v == null || !v.isNumber() || !Double.isFinite(v.asDouble())) {
                throw new Bad("'" + field + "' must be a finite number");
            }
            return v.asDouble();
        }

        private GeoPoint point(JsonNode c) {
            if (!c.isArray() || c.size() < 2 || !c.get(0).isNumber() || !c.get(1).isNumber()) {
                throw new Bad("a position must be [lon, lat]");
            }
            return inside(new GeoPoint(c.get(0).asDouble(), c.get(1).asDouble()));
        }

        private GeoPoint inside(GeoPoint p) {
            if (!bounds.contains(p)) {
                throw new Bad("(" + p.lon() + ", " + p.lat() + ") is outside the district bounds");
            }
            return p;
        }

        private List<GeoPoint> points(JsonNode coords) {
            if (!coords.isArray()) {
                throw new Bad("coordinates must be an array");
            }
            List<GeoPoint> out = new ArrayList<>(coords.size());
            coords.forEach(c -> out.add(point(c)));
            return out;
        }

        /** A GeoJSON Polygon's outer ring, closed, at least a triangle, with area; holes are not used. */
        private Polygon polygon(JsonNode g) {
            JsonNode rings = g.path("coordinates");
            if (!rings.isArray() || rings.size() < 1) {
                throw new Bad("a polygon needs an outer ring");
            }
            List<GeoPoint> ring = points(rings.get(0));
            if (ring.size() < 4 || !ring.get(0).equals(ring.get(ring.size() - 1))) {
                throw new Bad("the outer ring must be closed and have at least 4 positions");
            }
            ring = ring.subList(0, ring.size() - 1);
            double twiceArea = 0;
            for (int i = 0; i < ring.size(); i++) {
                GeoPoint a = ring.get(i);
                GeoPoint b = ring.get((i + 1) % ring.size());
                twiceArea += a.lon() * b.lat() - b.lon() * a.lat();
            }
            if (Math.abs(twiceArea) < 1e-12) {
                throw new Bad("the outer ring has no area");
            }
            return new Polygon(ring);
        }

        private String knownCommunity(String code) {
            if (communities.stream().noneMatch(c -> c.code().equals(code))) {
                throw new Bad("unknown community " + code);
            }
            return code;
        }

        private String communityAt(GeoPoint p) {
            for (Community c : communities) {
                if (c.boundary().contains(p)) {
                    return c.code();
                }
            }
            throw new Bad("(" + p.lon() + ", " + p.lat() + ") is in no community");
        }
    }
}
