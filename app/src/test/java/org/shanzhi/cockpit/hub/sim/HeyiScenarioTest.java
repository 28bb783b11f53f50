package org.shanzhi.cockpit.hub.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.shanzhi.cockpit.domain.Camera;
import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.Grid;
import org.shanzhi.cockpit.domain.Recorded;
import org.shanzhi.cockpit.domain.Situation;

class HeyiScenarioTest {

    static Situation fold(List<Event> events, Instant time) {
        Situation s = Situation.empty();
        long seq = 1;
        for (Event e : events) {
            s = s.apply(new Recorded(seq++, time, e));
        }
        return s;
    }

    @Test
    void inventoryFoldsIntoAnEmptySituation() {
        HeyiScenario scenario = HeyiScenario.loadDefault();
        assertThat(scenario.skipped()).isEmpty();

        Situation s = fold(scenario.inventory(), Simulator.DEFAULT_START);

        assertThat(s.communities()).hasSize(11);
        assertThat(s.population()).isEqualTo(48_000);
        assertThat(s.communities().values().stream().mapToInt(c -> c.population()).sum()).isEqualTo(48_000);
        assertThat(s.cameras()).hasSize(1043);
        assertThat(s.cameras().values().stream().filter(Camera::ai).count()).isGreaterThanOrEqualTo(100);
        assertThat(s.cameras().values().stream().filter(Camera::online).count() / 1043.0).isBetween(0.93, 0.97);
        assertThat(s.grids().values()).allSatisfy(g -> assertThat(g.code()).matches("\\d{15}"));
        assertThat(s.grids().values().stream().filter(g -> g.kind() == Grid.Kind.GOVERNANCE).count())
                .isBetween(100L, 120L);
        assertThat(s.grids().values().stream().filter(g -> g.kind() == Grid.Kind.UNIT).count())
                .isBetween(600L, 700L);
        assertThat(s.cameras().values()).allSatisfy(c -> {
            assertThat(s.communityAt(c.at())).as(c.id()).isNotNull();
            assertThat(c.streamUrl()).isEqualTo("/video/" + c.id() + ".mjpg");
        });
        assertThat(s.sensors()).hasSizeBetween(50, 70);
        assertThat(s.units()).hasSize(120 + 25 + 8 + 8 + 1 + 4);
        assertThat(scenario.committees()).hasSize(11);
        assertThat(scenario.committees().stream().mapToInt(c -> c.mediators().size()).sum()).isEqualTo(62);
        assertThat(scenario.officers()).hasSize(120);
        assertThat(scenario.roads()).extracting(HeyiScenario.Road::name).contains("南四环中路", "南苑路");
        assertThat(scenario.pois()).anySatisfy(p -> assertThat(p.name()).contains("和义站"));
        // each community's own centroid lies inside its boundary
        assertThat(s.communities().values()).allSatisfy(c ->
                assertThat(c.boundary().contains(c.boundary().centroid())).as(c.name()).isTrue());
    }

    @Test
    void aBrokenFeatureIsSkippedAndTheRestLoads(@TempDir Path tmp) throws IOException {
        Path src = Path.of(System.getProperty(HeyiScenario.ASSETS_PROPERTY, "../assets"), "heyi");
        Path dst = tmp.resolve("heyi");
        Files.createDirectories(dst);
        try (Stream<Path> files = Files.list(src)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, dst.resolve(f.getFileName()));
            }
        }
        // community 003: a coordinate far outside the district; grid feature: an unknown property
        Path communities = dst.resolve("communities.geojson");
        String c = Files.readString(communities);
        Files.writeString(communities, c.replaceFirst("\"code\": \"110106016003\"",
                "\"code\": \"110106016003\", \"colour\": \"red\""));
        Path grids = dst.resolve("grids.geojson");
        String g = Files.readString(grids);
        int at = g.indexOf("\"coordinates\": [");
        Files.writeString(grids, g.substring(0, at) + "\"coordinates\": [[[120.0, 10.0], [120.1, 10.0], [120.1, 10.1], "
                + "[120.0, 10.0]]], \"old\": " + g.substring(at + "\"coordinates\": ".length()));

        HeyiScenario scenario = HeyiScenario.load(tmp);

        assertThat(scenario.communities()).hasSize(10);
        assertThat(scenario.skipped()).anySatisfy(line ->
                assertThat(line).contains("communities.geojson").contains("110106016003").contains("colour"));
        assertThat(scenario.skipped()).anySatisfy(line ->
                assertThat(line).contains("grids.geojson").contains("feature 0"));
        // grids, cameras and the rest of community 003 are gone with it; everything else loads
        assertThat(scenario.grids()).allSatisfy(gr -> assertThat(gr.communityCode()).isNotEqualTo("110106016003"));
        assertThat(scenario.grids().size()).isGreaterThan(600);
        assertThat(scenario.units()).hasSize(166);
        Situation s = fold(scenario.inventory(), Simulator.DEFAULT_START);
        assertThat(s.communities()).hasSize(10);
    }
}
