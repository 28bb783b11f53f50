package org.shanzhi.cockpit.hub.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.Incident;
import org.shanzhi.cockpit.domain.Sensor;

class DevicesTest {

    /** Weather as a test sets it. */
    record Weather(double rain, String darkCommunity) implements Devices.Weather {
        @Override
        public double rain(Instant t) {
            return rain;
        }

        @Override
        public double powerFraction(String communityCode, Instant t) {
            return communityCode.equals(darkCommunity) ? 0.05 : 1;
        }
    }

    static final class World {
        final SimHarness h = new SimHarness(8);
        final Cases cases = new Cases(h.ctx, new Cases.Rates(0));
        final Devices devices;

        World(Devices.Rates rates, Devices.Weather weather) {
            cases.dispatchTo(
                    new Orders(h.ctx, Orders.Rates.defaults(), new Crews(h.ctx, Crews.Rates.defaults()), cases));
            devices = new Devices(h.ctx, rates, cases, weather);
        }

        void tick() {
            devices.cameras();
            devices.sensors();
        }
    }

    @Test
    void everySensorReportsOnItsOwnBeat() {
        World w = new World(Devices.Rates.defaults(), new Weather(0, null));
        w.h.forward(Duration.ofHours(1));
        w.h.until(SimHarness.day(0, "08:00"), w::tick);

        var readings = w.h.of(Event.SensorReported.class);
        Map<String, Long> bySensor = readings.stream().collect(Collectors.groupingBy(t -> t.event().sensorId(),
                Collectors.counting()));
        assertThat(bySensor).hasSize(SimHarness.INVENTORY.sensors().size());
        assertThat(bySensor.values()).allSatisfy(n -> assertThat(n).isEqualTo(12L)); // an hour at one per 5 min
        // staggered: not all in the same tick
        assertThat(readings.stream().map(SimHarness.Timed::time).distinct().count()).isGreaterThan(20);
        // dry weather: no water-level alarm, no waterlogging case
        assertThat(w.h.situation.incidents().values()).noneMatch(i -> i.title().equals(Catalogue.WATERLOGGING.title()));
    }

    @Test
    void rainRaisesTheWaterAndAnAlarmOpensACase() {
        World w = new World(Devices.Rates.defaults(), new Weather(1, null));
        w.h.until(SimHarness.day(0, "06:10"), w::tick);

        var waterlogged = w.h.situation.incidents().values().stream()
                .filter(i -> i.title().equals(Catalogue.WATERLOGGING.title())).toList();
        assertThat(waterlogged).isNotEmpty().allSatisfy(i -> {
            assertThat(i.source()).isEqualTo(Incident.Source.SENSOR);
            assertThat(SimHarness.INVENTORY.sensors().values()).anySatisfy(s -> {
                assertThat(s.kind()).isEqualTo(Sensor.Kind.WATER_LEVEL);
                assertThat(s.at()).isEqualTo(i.at());
            });
        });
        // one case per sensor going into alarm, not one per reading
        long alarmed = w.h.situation.sensors().values().stream().filter(Sensor::alarm).count();
        assertThat((long) waterlogged.size()).isEqualTo(alarmed);
    }

    @Test
    void aCommunityWithoutPowerReadsAFractionOfItsLoad() {
        World w = new World(Devices.Rates.defaults(), new Weather(0, Storm.COMMUNITY));
        w.h.until(SimHarness.day(0, "07:00"), w::tick);

        Map<Boolean, Double> mean = w.h.of(Event.SensorReported.class).stream()
                .filter(t -> SimHarness.INVENTORY.sensors().get(t.event().sensorId()).kind() == Sensor.Kind.POWER)
                .collect(Collectors.partitioningBy(
                        t -> Storm.COMMUNITY.equals(
                                SimHarness.INVENTORY.sensors().get(t.event().sensorId()).communityCode()),
                        Collectors.averagingDouble(t -> t.event().value())));
        assertThat(mean.get(true)).isGreaterThan(0).isLessThan(mean.get(false) * 0.1);
    }

    @Test
    void camerasFailAndAreRepaired() {
        World w = new World(new Devices.Rates(300, Duration.ofHours(2), Duration.ofHours(1)), new Weather(0, null));

        w.h.until(SimHarness.day(1, "06:00"), w::tick);

        var changes = w.h.of(Event.CameraStatusChanged.class);
        assertThat(changes).anySatisfy(c -> assertThat(c.event().online()).isFalse())
                .anySatisfy(c -> assertThat(c.event().online()).isTrue())
                .allSatisfy(c -> assertThat(c.time().getEpochSecond() % 60).isZero());
        // 300 faults a day against a 2-hour mean repair settle at about 300 / 1440 × 120 = 25 offline
        long offline = w.h.situation.cameras().values().stream().filter(c -> !c.online()).count();
        assertThat(offline).isBetween(10L, 45L);
    }
}
