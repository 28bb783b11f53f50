package org.shanzhi.cockpit.wall.map.geo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.shanzhi.cockpit.domain.GeoPoint;
import org.shanzhi.cockpit.domain.RoadNetwork;
import org.shanzhi.cockpit.json.GeoJsonReader;

/**
 * Finds and reads the offline base map (roads.geojson, pois.geojson, and the road network of the same roads) where the scenario assets are:
 * the directory in the system property {@value #ASSETS_PROPERTY}, else {@code ./assets}, else
 * {@code assets/heyi/} on the classpath (inside the jar). Read once per process, on a daemon thread.
 */
public final class BaseMapLoader {

    public static final String ASSETS_PROPERTY = "shanzhi.assets";
    static final String CLASSPATH_FOLDER = "assets/heyi/";
    static final String ROADS = "roads.geojson";
    static final String POIS = "pois.geojson";

    private static final Logger log = LoggerFactory.getLogger(BaseMapLoader.class);
    private static volatile CompletableFuture<BaseMap> shared;

    private BaseMapLoader() {
    }

    /** The base map of this process, loading it in the background on the first call. */
    public static CompletableFuture<BaseMap> shared() {
        CompletableFuture<BaseMap> f = shared;
        if (f == null) {
            synchronized (BaseMapLoader.class) {
                if (shared == null) {
                    shared = new CompletableFuture<>();
                    CompletableFuture<BaseMap> target = shared;
                    Thread t = new Thread(() -> target.complete(loadDefault()), "map-base-loader");
                    t.setDaemon(true);
                    t.start();
                }
                f = shared;
            }
        }
        return f;
    }

    /** Loads the base map now, on the calling thread; an empty base (logged) when nothing is found. */
    public static BaseMap loadDefault() {
        try {
            String prop = System.getProperty(ASSETS_PROPERTY);
            if (prop != null && !prop.isBlank()) {
                Path dir = heyiDir(Path.of(prop));
                if (dir != null) {
                    return load(dir);
                }
                log.warn("-D{}={} holds no {}; looking further", ASSETS_PROPERTY, prop, ROADS);
            }
            Path dir = heyiDir(Path.of("assets"));
            if (dir != null) {
                return load(dir);
            }
            ClassLoader cl = BaseMapLoader.class.getClassLoader();
            if (cl.getResource(CLASSPATH_FOLDER + ROADS) != null) {
                return read(name -> cl.getResourceAsStream(CLASSPATH_FOLDER + name), "classpath:" + CLASSPATH_FOLDER);
            }
            log.warn("no base map found (-D{}, ./assets, classpath {}): the map shows the situation only",
                    ASSETS_PROPERTY, CLASSPATH_FOLDER);
        } catch (IOException | RuntimeException e) {
            log.warn("the base map could not be read: the map shows the situation only", e);
        }
        return BaseMap.EMPTY;
    }

    public static BaseMap load(Path dir) throws IOException {
        return read(name -> {
            Path p = dir.resolve(name);
            return Files.isRegularFile(p) ? Files.newInputStream(p) : null;
        }, dir.toString());
    }

    private static Path heyiDir(Path dir) {
        if (Files.isRegularFile(dir.resolve("heyi").resolve(ROADS))) {
            return dir.resolve("heyi");
        }
        return Files.isRegularFile(dir.resolve(ROADS)) ? dir : null;
    }

    private interface Opener {
        InputStream open(String name) throws IOException;
    }

    private static BaseMap read(Opener opener, String where) throws IOException {
        GeoJsonReader reader = new GeoJsonReader();
        List<RoadNetwork.Road> roads = List.of();
        List<GeoJsonReader.Point> pois = List.of();
        try (InputStream in = opener.open(ROADS)) {
            if (in != null) {
                roads = reader.roads(in, where + "/" + ROADS);
            }
        }
        try (InputStream in = opener.open(POIS)) {
            if (in != null) {
                pois = reader.pois(in, where + "/" + POIS);
            }
        }
        log.info("base map from {}: {} roads, {} points of interest, {} features skipped", where, roads.size(),
                pois.size(), reader.skipped().size());
        return new BaseMap(roads.stream().map(BaseMapLoader::projected).toList(),
                pois.stream().map(p -> new BaseMap.Poi(p.id(), p.name(), p.kind(), MapProjection.worldX(p.at().lon()),
                        MapProjection.worldY(p.at().lat()))).toList(), RoadNetwork.of(roads));
    }

    private static BaseMap.Road projected(RoadNetwork.Road r) {
        List<GeoPoint> points = r.points();
        double[] xs = new double[points.size()];
        double[] ys = new double[points.size()];
        for (int k = 0; k < points.size(); k++) {
            xs[k] = MapProjection.worldX(points.get(k).lon());
            ys[k] = MapProjection.worldY(points.get(k).lat());
        }
        return new BaseMap.Road(r.name(), r.kind(), xs, ys);
    }
}
