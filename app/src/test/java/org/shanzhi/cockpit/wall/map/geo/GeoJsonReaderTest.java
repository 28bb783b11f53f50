package org.shanzhi.cockpit.wall.map.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class GeoJsonReaderTest {

    @Test
    void readsTheHeyiBase() throws Exception {
        BaseMap base = BaseMapLoader.load(Path.of("..", "assets", "heyi"));
        assertThat(base.roads()).hasSize(12);
        assertThat(base.pois()).hasSize(17);
        assertThat(base.roads()).anySatisfy(r -> assertThat(r.name()).isEqualTo("南苑路"));
        assertThat(base.pois()).anySatisfy(p -> assertThat(p.kind()).isEqualTo("metro_station"));
        BaseMap.Poi station = base.pois().stream().filter(p -> p.id().equals("POI-STATION")).findFirst().orElseThrow();
        assertThat(MapProjection.lonOf(station.x())).isEqualTo(116.4021, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void theLoaderFindsTheAssetsAsTheScenarioDoes() {
        // tests run in app/, so ./assets is missing and the classpath copy is used
        BaseMap base = BaseMapLoader.loadDefault();
        assertThat(base.roads()).isNotEmpty();
        assertThat(base.pois()).isNotEmpty();
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
        List<BaseMap.Road> roads = reader.roads(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "t.geojson");
        assertThat(roads).extracting(BaseMap.Road::name).containsExactly("好路");
        assertThat(reader.skipped()).containsExactly(
                "t.geojson: features[1]: geometry is \"Point\", not LineString",
                "t.geojson: features[2]: a LineString needs at least 2 positions",
                "t.geojson: features[3]: coordinates[1]: [916.39, 39.81] is outside WGS-84",
                "t.geojson: features[4]: geometry is missing, not LineString");
    }
}
