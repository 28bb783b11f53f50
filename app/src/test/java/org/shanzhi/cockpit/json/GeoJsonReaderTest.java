package org.shanzhi.cockpit.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.shanzhi.cockpit.domain.GeoPoint;
import org.shanzhi.cockpit.domain.RoadNetwork;

class GeoJsonReaderTest {

    @Test
    void readsTheHeyiRoadsAndPointsInLonLat() throws Exception {
        GeoJsonReader reader = new GeoJsonReader();
        try (InputStream roads = Files.newInputStream(Path.of("..", "assets", "heyi", "roads.geojson"));
             InputStream pois = Files.newInputStream(Path.of("..", "assets", "heyi", "pois.geojson"))) {
            assertThat(reader.roads(roads, "roads.geojson")).hasSize(12)
                    .anySatisfy(r -> assertThat(r.name()).isEqualTo("南苑路"));
            assertThat(reader.pois(pois, "pois.geojson")).hasSize(17)
                    .anySatisfy(p -> assertThat(p.at()).isEqualTo(new GeoPoint(116.4021, 39.81416)));
        }
        assertThat(reader.skipped()).isEmpty();
    }

    @Test
    void badFeaturesAreSkippedWithFileAndIndex() throws Exception {
        String json = """
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "properties": {"name": "好路"}, "geometry": {"type": "LineString",
                    "coordinates": [[116.38, 39.81], [116.39, 39.81]]}},
                  {"type": "Feature", "properties": {"name": "点"}, "geometry": {"type": "Point", "coordinates": [116.38, 39.81]}},
                  {"type": "Feature", "properties": {"name": "短"}, "geometry": {"type": "LineString", "coordinates": [[116.38, 39.81]]}},
                  {"type": "Feature", "properties": {"name": "坏"}, "geometry": {"type": "LineString",
                    "coordinates": [[116.38, 39.81], [916.39, 39.81]]}},
                  {"type": "Feature", "properties": {}}
                ]}""";
        GeoJsonReader reader = new GeoJsonReader();
        List<RoadNetwork.Road> roads = reader.roads(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "t.geojson");
        assertThat(roads).extracting(RoadNetwork.Road::name).containsExactly("好路");
        assertThat(reader.skipped()).containsExactly(
                "t.geojson: features[1]: geometry is \"Point\", not LineString",
                "t.geojson: features[2]: a LineString needs at least 2 positions",
                "t.geojson: features[3]: coordinates[1]: [916.39, 39.81] is outside WGS-84",
                "t.geojson: features[4]: geometry is missing, not LineString");
    }
}
