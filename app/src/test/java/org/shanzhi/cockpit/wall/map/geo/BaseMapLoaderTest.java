package org.shanzhi.cockpit.wall.map.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class BaseMapLoaderTest {

    @Test
    void readsTheHeyiBase() throws Exception {
        BaseMap base = BaseMapLoader.load(Path.of("..", "assets", "heyi"));
        assertThat(base.roads()).hasSize(12);
        assertThat(base.pois()).hasSize(17);
        assertThat(base.roads()).anySatisfy(r -> assertThat(r.name()).isEqualTo("南苑路"));
        assertThat(base.pois()).anySatisfy(p -> assertThat(p.kind()).isEqualTo("metro_station"));
        BaseMap.Poi station = base.pois().stream().filter(p -> p.id().equals("POI-STATION")).findFirst().orElseThrow();
        assertThat(MapProjection.lonOf(station.x())).isEqualTo(116.4021, within(1e-9));
        assertThat(base.network().isEmpty()).isFalse();
    }

    @Test
    void theLoaderFindsTheAssetsAsTheScenarioDoes() {
        // tests run in app/, so ./assets is missing and the classpath copy is used
        BaseMap base = BaseMapLoader.loadDefault();
        assertThat(base.roads()).isNotEmpty();
        assertThat(base.pois()).isNotEmpty();
    }
}
