package org.shanzhi.cockpit.wall.map.geo;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.DoubleConsumer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a GeoJSON FeatureCollection of any size for the map's {@code overlay} option, on its own daemon thread: the
 * features are streamed one at a time (a file of hundreds of megabytes never sits in memory as a tree), each line,
 * polygon ring or point projected at once, and the share of the file read so far is reported as it goes. A feature
 * that is not usable is skipped and counted; a file that cannot be read fails the future with a message naming the
 * file and what was wrong.
 */
public final class OverlayLoader {

    private static final Logger log = LoggerFactory.getLogger(OverlayLoader.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Lines and polygon rings as projected polylines (world plane), points as world positions. */
    public record Overlay(String name, List<Line> lines, List<double[]> points, int skipped) {
    }

    /** A polyline on the world plane with its box, so a frame skips the lines off screen. */
    public record Line(double[] xs, double[] ys, double minX, double minY, double maxX, double maxY) {
    }

    private OverlayLoader() {
    }

    /** Starts reading {@code file}; {@code progress} gets 0..1 on the loading thread, at most every 1 % of the file. */
    public static CompletableFuture<Overlay> load(Path file, DoubleConsumer progress) {
        CompletableFuture<Overlay> out = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                out.complete(read(file, progress));
            } catch (IOException | RuntimeException e) {
                log.warn("overlay {} not loaded: {}", file, e.getMessage());
                out.completeExceptionally(e);
            }
        }, "map-overlay-loader");
        t.setDaemon(true);
        t.start();
        return out;
    }

    public static Overlay read(Path file, DoubleConsumer progress) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no such file");
        }
        long size = Math.max(1, Files.size(file));
        List<Line> lines = new ArrayList<>();
        List<double[]> points = new ArrayList<>();
        int skipped = 0;
        try (Counting in = new Counting(Files.newInputStream(file));
             JsonParser p = new JsonFactory().createParser(in)) {
            p.setCodec(MAPPER);
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException(file + ": not a GeoJSON object");
            }
            boolean found = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if (!field.equals("features")) {
                    p.skipChildren();
                    continue;
                }
                if (p.currentToken() != JsonToken.START_ARRAY) {
                    throw new IOException(file + ": features is not an array");
                }
                found = true;
                double reported = 0;
                int index = 0;
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    JsonNode feature = p.readValueAsTree();
                    if (!add(feature.path("geometry"), lines, points)) {
                        if (skipped++ < 10) {
                            log.warn("{}: features[{}] skipped: no usable LineString, Polygon or Point", file, index);
                        }
                    }
                    index++;
                    double done = (double) in.count / size;
                    if (done - reported >= 0.01) {
                        reported = done;
                        progress.accept(Math.min(1, done));
                    }
                }
            }
            if (!found) {
                throw new IOException(file + ": no features array (not a FeatureCollection)");
            }
        } catch (JsonProcessingException e) {
            throw new IOException(file + ": not valid JSON at line " + e.getLocation().getLineNr() + ": "
                    + e.getOriginalMessage(), e);
        }
        progress.accept(1);
        String name = file.getFileName().toString();
        log.info("overlay {}: {} lines and rings, {} points, {} features skipped", name, lines.size(), points.size(),
                skipped);
        return new Overlay(name, List.copyOf(lines), List.copyOf(points), skipped);
    }

    /** Adds the geometry's lines, rings or points; false when there is none usable. */
    private static boolean add(JsonNode g, List<Line> lines, List<double[]> points) {
        JsonNode c = g.path("coordinates");
        switch (g.path("type").asText()) {
            case "Point" -> {
                double[] pt = point(c);
                if (pt != null) {
                    points.add(pt);
                }
                return pt != null;
            }
            case "LineString" -> {
                return line(c, lines);
            }
            case "MultiLineString", "Polygon" -> {
                boolean any = false;
                for (JsonNode part : c) {
                    any |= line(part, lines);
                }
                return any;
            }
            case "MultiPolygon" -> {
                boolean any = false;
                for (JsonNode polygon : c) {
                    for (JsonNode ring : polygon) {
                        any |= line(ring, lines);
                    }
                }
                return any;
            }
            default -> {
                return false;
            }
        }
    }

    private static boolean line(JsonNode coords, List<Line> lines) {
        if (!coords.isArray() || coords.size() < 2) {
            return false;
        }
        int n = coords.size();
        double[] xs = new double[n];
        double[] ys = new double[n];
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            double[] pt = point(coords.get(i));
            if (pt == null) {
                return false;
            }
            xs[i] = pt[0];
            ys[i] = pt[1];
            minX = Math.min(minX, pt[0]);
            maxX = Math.max(maxX, pt[0]);
            minY = Math.min(minY, pt[1]);
            maxY = Math.max(maxY, pt[1]);
        }
        lines.add(new Line(xs, ys, minX, minY, maxX, maxY));
        return true;
    }

    /** A WGS-84 [lon, lat] as a world position, or null. */
    private static double[] point(JsonNode c) {
        if (!c.isArray() || c.size() < 2 || !c.get(0).isNumber() || !c.get(1).isNumber()) {
            return null;
        }
        double lon = c.get(0).asDouble();
        double lat = c.get(1).asDouble();
        if (lon < -180 || lon > 180 || lat < -MapProjection.MAX_LAT || lat > MapProjection.MAX_LAT) {
            return null;
        }
        return new double[] {MapProjection.worldX(lon), MapProjection.worldY(lat)};
    }

    /** Counts the bytes read, for the progress. */
    private static final class Counting extends FilterInputStream {
        volatile long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
