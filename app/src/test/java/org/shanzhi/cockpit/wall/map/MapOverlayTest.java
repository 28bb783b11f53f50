package org.shanzhi.cockpit.wall.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.shanzhi.cockpit.wall.map.MapWidgetTest.fx;
import static org.shanzhi.cockpit.wall.map.MapWidgetTest.mount;
import static org.shanzhi.cockpit.wall.map.MapWidgetTest.part;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Label;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.shanzhi.cockpit.domain.Fixtures;
import org.shanzhi.cockpit.wall.map.geo.MapProjection;
import org.shanzhi.cockpit.wall.map.geo.OverlayLoader;

/** A large GeoJSON overlay loads in the background with its progress, and a bad one is named on the map. */
class MapOverlayTest extends MapFxTest {

    @TempDir
    static Path dir;
    static Path big;

    @BeforeAll
    static void files() throws Exception {
        big = dir.resolve("pipes.geojson");
        write(big, 40_000);
    }

    /** {@code n} features: lines, polygons and points in the district, and three that cannot be drawn. */
    static void write(Path file, int n) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            w.write("{\"type\":\"FeatureCollection\",\"name\":\"pipes\",\"features\":[\n");
            for (int i = 0; i < n; i++) {
                double lon = 116.375 + (i % 200) * 0.0002;
                double lat = 39.805 + (i / 200) * 0.0001;
                String geometry = switch (i % 3) {
                    case 0 -> String.format(Locale.ROOT, "{\"type\":\"LineString\",\"coordinates\":[[%f,%f],[%f,%f],[%f,%f]]}",
                            lon, lat, lon + 0.0001, lat, lon + 0.0001, lat + 0.00005);
                    case 1 -> String.format(Locale.ROOT, "{\"type\":\"Polygon\",\"coordinates\":[[[%f,%f],[%f,%f],[%f,%f],[%f,%f]]]}",
                            lon, lat, lon + 0.00005, lat, lon, lat + 0.00005, lon, lat);
                    default -> String.format(Locale.ROOT, "{\"type\":\"Point\",\"coordinates\":[%f,%f]}", lon, lat);
                };
                w.write("{\"type\":\"Feature\",\"properties\":{\"id\":" + i + "},\"geometry\":" + geometry + "},\n");
            }
            w.write("{\"type\":\"Feature\",\"geometry\":null},\n");
            w.write("{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[\"x\",1]}},\n");
            w.write("{\"type\":\"Feature\",\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[1,2]]}}\n");
            w.write("]}\n");
        }
    }

    @Test
    void readsEveryUsableFeatureAndReportsItsProgressOnTheWay() throws Exception {
        List<Double> progress = new ArrayList<>();
        OverlayLoader.Overlay o = OverlayLoader.read(big, progress::add);
        assertThat(o.name()).isEqualTo("pipes.geojson");
        // 13,334 lines, 13,333 polygon rings, 13,333 points; three features skipped
        assertThat(o.lines()).hasSize(26_667);
        assertThat(o.points()).hasSize(13_333);
        assertThat(o.skipped()).isEqualTo(3);
        assertThat(progress).hasSizeGreaterThan(20).isSorted();
        assertThat(progress.get(0)).isLessThan(0.1);
        assertThat(progress.get(progress.size() - 1)).isEqualTo(1.0);
        OverlayLoader.Line first = o.lines().get(0);
        assertThat(first.minX()).isEqualTo(MapProjection.worldX(116.375));
        assertThat(first.maxX()).isCloseTo(MapProjection.worldX(116.3751), org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void aFileThatCannotBeReadSaysWhatIsWrong() throws Exception {
        assertThatThrownBy(() -> OverlayLoader.read(dir.resolve("missing.geojson"), p -> { }))
                .isInstanceOf(IOException.class).hasMessageEndingWith("missing.geojson: no such file");
        Path broken = Files.writeString(dir.resolve("broken.geojson"), "{\"type\":\"FeatureCollection\",\n\"features\":[{]}");
        assertThatThrownBy(() -> OverlayLoader.read(broken, p -> { }))
                .isInstanceOf(IOException.class).hasMessageContaining("broken.geojson: not valid JSON at line 2");
        Path list = Files.writeString(dir.resolve("list.geojson"), "[1, 2]");
        assertThatThrownBy(() -> OverlayLoader.read(list, p -> { }))
                .isInstanceOf(IOException.class).hasMessageContaining("list.geojson: not a GeoJSON object");
        Path other = Files.writeString(dir.resolve("other.geojson"), "{\"type\":\"Feature\",\"geometry\":null}");
        assertThatThrownBy(() -> OverlayLoader.read(other, p -> { }))
                .isInstanceOf(IOException.class).hasMessageContaining("no features array");
    }

    @Test
    void theMapDrawsTheOverlayOnceLoadedAndNamesOneThatFailed() throws Exception {
        String options = "{\"overlay\": \"" + big.toString().replace("\\", "\\\\") + "\", \"zoom\": 15}";
        MapWidget map = mount(options, 1280, 720, Fixtures.district());
        // once read, the overlay's lines and points are drawn in the base
        await().atMost(Duration.ofSeconds(30)).until(() -> fx(() -> {
            map.drawNow();
            return map.viewModel().drawn().count("overlay") > 0;
        }));
        MapWidgetTest.settle(map);
        assertThat(part(map, "map-overlay-status", Label.class).isVisible()).isFalse();

        MapWidget failed = mount("{\"overlay\": \"" + dir.resolve("missing.geojson").toString().replace("\\", "\\\\")
                + "\"}", 1280, 720, Fixtures.district());
        Label status = part(failed, "map-overlay-status", Label.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(status::getText).startsWith("图层 missing.geojson 未能加载"));
        assertThat(status.isVisible()).isTrue();
        assertThat(status.getText()).endsWith("missing.geojson: no such file");
        // the rest of the map is there
        assertThat(failed.viewModel().marks()).isNotEmpty();
    }
}
