package org.shanzhi.cockpit.wall.map.geo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javafx.scene.image.Image;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A raster base under the vector one, from the layout's {@code tiles} option: an XYZ URL template
 * ({@code http://…/{z}/{x}/{y}.png}) or a z/x/y folder. Asked on the FX thread for a tile, it answers at once with
 * what it holds in memory (or null) and fetches the rest on two daemon threads: the disk cache first (URL sources,
 * under {@code cache}), then the server. Bounded memory ({@link #MEMORY_TILES} tiles, least recently used out).
 * A failing server puts the whole source in back-off (1 s doubling to 60 s) during which nothing is asked of it, so a
 * server that is down sees a request or two, not a storm; the vector base stays. {@code gcj02}: the source's tiles
 * are GCJ-02 (AMap, Tencent) and are drawn shifted under our WGS-84 data.
 */
public final class RasterTiles {

    private static final Logger log = LoggerFactory.getLogger(RasterTiles.class);
    static final int MEMORY_TILES = 512;
    static final Duration FIRST_BACK_OFF = Duration.ofSeconds(1);
    static final Duration MAX_BACK_OFF = Duration.ofSeconds(60);

    private final String url;
    private final Path dir;
    private final Path cache;
    private final boolean gcj02;
    private final int maxZoom;
    private final Runnable onArrival;
    private final HttpClient http;
    /** Two fetch threads that end after 30 s idle, so a map left behind by a layout switch leaves none running. */
    private final ThreadPoolExecutor fetchers = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, "map-tiles");
                t.setDaemon(true);
                return t;
            });
    private final Map<String, Image> memory = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Image> eldest) {
            return size() > MEMORY_TILES;
        }
    };
    private final Set<String> inFlight = new HashSet<>();
    /** Tiles the source does not have (404, no file): not asked again. */
    private final Set<String> absent = new HashSet<>();
    /** What the server is not asked for while the source backs off. */
    private static final byte[] RESTING = new byte[0];

    private final AtomicLong version = new AtomicLong();
    private long backOffUntil;
    private long backOffMillis;

    RasterTiles(String url, Path dir, Path cache, boolean gcj02, int maxZoom, Runnable onArrival) {
        this.url = url;
        this.dir = dir;
        this.cache = cache;
        this.gcj02 = gcj02;
        this.maxZoom = maxZoom;
        this.onArrival = onArrival;
        this.http = url == null ? null : HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        fetchers.allowCoreThreadTimeOut(true);
    }

    /** The source the layout's {@code tiles} option names, or null when there is none; {@code cache} for URL tiles. */
    public static RasterTiles of(JsonNode tiles, Path cache, Runnable onArrival) {
        if (tiles == null || !tiles.isObject()) {
            return null;
        }
        String url = tiles.path("url").asText(null);
        Path dir = tiles.hasNonNull("dir") ? Path.of(tiles.get("dir").asText()) : null;
        if (url == null && dir == null) {
            return null;
        }
        Path own = url == null ? null : cache.resolve(Integer.toHexString(url.hashCode()));
        return new RasterTiles(url, dir, own, tiles.path("gcj02").asBoolean(false), tiles.path("maxZoom").asInt(18),
                onArrival);
    }

    public boolean gcj02() {
        return gcj02;
    }

    public int maxZoom() {
        return maxZoom;
    }

    /** Changes whenever a tile arrives: the base layer is drawn again. */
    public long version() {
        return version.get();
    }

    /** The tile if in memory, else null after asking for it (FX thread; never waits). */
    public synchronized Image tile(int z, int x, int y) {
        String key = z + "/" + x + "/" + y;
        Image img = memory.get(key);
        if (img == null && !absent.contains(key) && inFlight.add(key)) {
            fetchers.execute(() -> fetch(key));
        }
        return img;
    }

    /** The tile if in memory, without asking for it (for a parent drawn while its children load). */
    public synchronized Image cached(int z, int x, int y) {
        return memory.get(z + "/" + x + "/" + y);
    }

    private void fetch(String key) {
        Image img = null;
        boolean missing = false;
        try {
            byte[] bytes = dir != null ? fromFolder(key) : fromServer(key);
            if (bytes == RESTING) {
                // not asked: the source is backing off; a later frame asks again
            } else if (bytes == null) {
                missing = true;
            } else {
                img = new Image(new ByteArrayInputStream(bytes));
                if (img.isError()) {
                    log.warn("tile {} is no image: {}", key, img.getException() == null ? "?" : img.getException().getMessage());
                    img = null;
                    missing = true;
                }
            }
        } catch (IOException e) {
            failed(key, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            inFlight.remove(key);
            if (img != null) {
                memory.put(key, img);
            } else if (missing) {
                absent.add(key);
            }
        }
        if (img != null) {
            version.incrementAndGet();
            onArrival.run();
        }
    }

    private byte[] fromFolder(String key) throws IOException {
        Path file = dir.resolve(key + ".png");
        return Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
    }

    private byte[] fromServer(String key) throws IOException, InterruptedException {
        Path cached = cache.resolve(key + ".png");
        if (Files.isRegularFile(cached)) {
            return Files.readAllBytes(cached);
        }
        synchronized (this) {
            if (System.currentTimeMillis() < backOffUntil) {
                return RESTING;
            }
        }
        String[] zxy = key.split("/");
        URI uri = URI.create(url.replace("{z}", zxy[0]).replace("{x}", zxy[1]).replace("{y}", zxy[2]));
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() == 404) {
            succeeded();
            return null;
        }
        if (r.statusCode() != 200) {
            throw new IOException(uri + " answered HTTP " + r.statusCode());
        }
        succeeded();
        Files.createDirectories(cached.getParent());
        Path partial = cached.resolveSibling(cached.getFileName() + ".partial");
        Files.write(partial, r.body());
        Files.move(partial, cached, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return r.body();
    }

    private synchronized void succeeded() {
        backOffMillis = 0;
        backOffUntil = 0;
    }

    private synchronized void failed(String key, IOException e) {
        backOffMillis = backOffMillis == 0 ? FIRST_BACK_OFF.toMillis() : Math.min(MAX_BACK_OFF.toMillis(), backOffMillis * 2);
        backOffUntil = System.currentTimeMillis() + backOffMillis;
        log.warn("tile {} failed ({}); the tile source rests {} ms", key, e.getMessage(), backOffMillis);
    }
}
