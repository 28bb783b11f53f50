package org.shanzhi.cockpit.wall.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.shanzhi.cockpit.wall.map.MapWidgetTest.fx;
import static org.shanzhi.cockpit.wall.map.MapWidgetTest.mount;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.shanzhi.cockpit.domain.Fixtures;
import org.shanzhi.cockpit.wall.map.geo.Gcj02;
import org.shanzhi.cockpit.wall.map.geo.MapProjection;

/** The raster base: a tile folder, a slow server the FX thread never waits for, a server that is down, GCJ-02. */
class MapTilesTest extends MapFxTest {

    @TempDir
    Path dir;
    HttpServer server;

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.stop(0);
        }
    }

    static byte[] png() throws IOException {
        BufferedImage img = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        g.setColor(new Color(40, 90, 60));
        g.fillRect(0, 0, 256, 256);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    static String options(String tiles, int zoom) {
        return "{\"tiles\": " + tiles + ", \"zoom\": " + zoom + ", \"centre\": {\"lat\": 39.817, \"lon\": 116.3955}}";
    }

    /** Draws until the base shows a tile of its own or a parent's, as the tiles arrive. */
    static int[] drawnOnceArrived(MapWidget map) {
        await().atMost(Duration.ofSeconds(20)).until(() -> fx(() -> {
            map.drawNow();
            return tilesDrawn(map)[0] + tilesDrawn(map)[1] > 0;
        }));
        return fx0(() -> tilesDrawn(map));
    }

    /** Tiles drawn from their own image, and from a parent's, in the last base drawn. */
    static int[] tilesDrawn(MapWidget map) {
        return new int[] {map.viewModel().drawn().count("tiles"), map.viewModel().drawn().count("tiles.parents")};
    }

    static <T> T fx0(java.util.concurrent.Callable<T> c) {
        try {
            return fx(c);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void gcj02MovesBeijingByTheKnownOffset() {
        double[] gcj = Gcj02.fromWgs84(116.3955, 39.817);
        assertThat(gcj[0] - 116.3955).isCloseTo(0.0062, within(0.0006));
        assertThat(gcj[1] - 39.817).isCloseTo(0.0013, within(0.0005));
    }

    @Test
    void aFolderOfTilesIsDrawnAndAParentStandsInForMissingChildren() throws Exception {
        byte[] png = png();
        int z = 15;
        int n = 1 << z;
        int x = (int) (MapProjection.worldX(116.3955) * n);
        int y = (int) (MapProjection.worldY(39.817) * n);
        for (int dx = -4; dx <= 4; dx++) {
            for (int dy = -3; dy <= 3; dy++) {
                Path f = dir.resolve(z + "/" + (x + dx) + "/" + (y + dy) + ".png");
                Files.createDirectories(f.getParent());
                Files.write(f, png);
            }
        }
        String tiles = "{\"dir\": \"" + dir.toString().replace("\\", "\\\\") + "\"}";
        MapWidget map = mount(options(tiles, 15), 1280, 720, Fixtures.district());
        assertThat(drawnOnceArrived(map)[0]).isGreaterThan(0);

        // at 16 the folder has no tiles: the z15 ones are drawn scaled in their place
        fx(() -> {
            map.viewModel().moveTo(map.viewModel().view().zoomedAt(640, 360, 16));
            map.drawNow();
            return null;
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> {
            map.drawNow();
            return tilesDrawn(map)[1] > 0;
        }));
        assertThat(fx(() -> tilesDrawn(map)[0])).isZero();
    }

    @Test
    void aSlowServerNeverHoldsTheFxThreadAndItsTilesAreKeptOnDisk() throws Exception {
        FileTime started = FileTime.from(Instant.now().minusSeconds(2)); // file times may be coarser than the clock
        byte[] png = png();
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger asked = new AtomicInteger();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            asked.incrementAndGet();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.sendResponseHeaders(200, png.length);
            ex.getResponseBody().write(png);
            ex.close();
        });
        server.start();
        String tiles = "{\"url\": \"http://127.0.0.1:" + server.getAddress().getPort() + "/{z}/{x}/{y}.png\"}";
        MapWidget map = mount(options(tiles, 15), 1280, 720, Fixtures.district());
        // the frames were drawn while every tile request waits: the vector base is there, no tile yet
        assertThat(fx(() -> tilesDrawn(map)[0])).isZero();
        assertThat(map.viewModel().marks()).isNotEmpty();
        release.countDown();
        assertThat(drawnOnceArrived(map)[0]).isGreaterThan(0);
        assertThat(asked.get()).isGreaterThan(0);
        // written by this run, in the build's cache (the surefire configuration points it there)
        assertThat(MapWidget.TILE_CACHE.toString()).doesNotStartWith(System.getProperty("user.home") + "/.cache");
        try (var cached = Files.walk(MapWidget.TILE_CACHE)) {
            assertThat(cached.anyMatch(f -> f.toString().endsWith(".png") && writtenSince(f, started))).isTrue();
        }
    }

    @Test
    void aServerThatIsDownIsNotStormedAndTheVectorBaseStays() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            asked.incrementAndGet();
            ex.sendResponseHeaders(503, -1);
            ex.close();
        });
        server.start();
        // a port of its own, so no tile of another test is on disk for it
        String tiles = "{\"url\": \"http://127.0.0.1:" + server.getAddress().getPort() + "/down/{z}/{x}/{y}.png\"}";
        long start = System.nanoTime();
        MapWidget map = mount(options(tiles, 15), 1280, 720, Fixtures.district());
        await().atMost(Duration.ofSeconds(10)).until(() -> asked.get() > 0);
        for (int i = 0; i < 10; i++) {
            fx(() -> {
                // each pan brings new tiles into view
                map.viewModel().moveTo(map.viewModel().view().panned(400, 0));
                map.drawNow();
                return null;
            });
        }
        // the first failure rests the source: about two requests (one per fetch thread), never one per tile; on a
        // busy machine the pans may outlast a rest, which doubles each time (RasterTiles: 1 s, 2 s, 4 s …): two more per rest
        double seconds = (System.nanoTime() - start) / 1e9;
        int rests = (int) Math.floor(Math.log(seconds + 1) / Math.log(2));
        assertThat(asked.get()).isLessThanOrEqualTo(3 + 2 * rests);
        assertThat(fx(() -> tilesDrawn(map)[0])).isZero();
        // back over the district: the vector map is all there
        fx(() -> {
            map.viewModel().fit();
            map.drawNow();
            return null;
        });
        assertThat(map.viewModel().marks()).isNotEmpty();
    }

    private static boolean writtenSince(Path f, FileTime t) {
        try {
            return Files.getLastModifiedTime(f).compareTo(t) >= 0;
        } catch (IOException e) {
            return false;
        }
    }
}
