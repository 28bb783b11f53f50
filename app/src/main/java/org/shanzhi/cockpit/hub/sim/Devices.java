package org.shanzhi.cockpit.hub.sim;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.shanzhi.cockpit.domain.Camera;
import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.Incident;
import org.shanzhi.cockpit.domain.IncidentState;
import org.shanzhi.cockpit.domain.Sensor;

/**
 * Cameras that fail and are repaired, and sensors that report on their own beat (物联感知):
 *
 * <pre>
 * camera      online → offline        {@link Rates#cameraFaultsPerDay}, checked every minute
 *             offline → online        one of them, on average after {@link Rates#cameraRepairMean}
 * water level every sensor period     its own depth factor × the storm's rain; at the threshold, a case
 * smoke       every sensor period     a short spike now and then (cooking smoke, a faulty head)
 * power       every sensor period     the daily load curve, times the share of the outage restored
 * manhole     every sensor period     tilted now and then for about two hours, and a case
 * gas         every sensor period     noise
 * </pre>
 *
 * The sensors' beats are staggered: sensor i reports when (tick − i) is a multiple of the period.
 */
final class Devices {

    /** What the sensors feel of the weather (the storm, when there is one). */
    interface Weather {
        /** Rain intensity 0..1. */
        double rain(Instant t);

        /** The share of its normal load a community's supply carries (below 1 during an outage). */
        double powerFraction(String communityCode, Instant t);
    }

    /** Rates of the devices; defaults are DOMAIN.md estimates [E]. */
    record Rates(
            /* camera faults per day and mean repair time, for ≈95–97 % online */
            double cameraFaultsPerDay,
            Duration cameraRepairMean,
            Duration sensorPeriod) {

        static Rates defaults() {
            return new Rates(20, Duration.ofDays(2), Duration.ofMinutes(5));
        }
    }

    private final SimContext ctx;
    private final Rates rates;
    private final Cases cases;
    private final Weather weather;
    /** Per sensor: [depth or load factor, remaining alarm ticks]. */
    private final Map<String, double[]> state = new HashMap<>();
    private int offlineCameras = -1;

    Devices(SimContext ctx, Rates rates, Cases cases, Weather weather) {
        this.ctx = ctx;
        this.rates = rates;
        this.cases = cases;
        this.weather = weather;
        for (Sensor s : ctx.scenario().sensors()) {
            state.put(s.id(), new double[] {5 + ctx.uniform() * 20, 0});
        }
    }

    /** Every minute: a camera may fail, and one of those offline may come back. */
    void cameras() {
        long second = ctx.now().getEpochSecond();
        if (second % 60 != 0) {
            return;
        }
        List<Camera> all = ctx.scenario().cameras();
        if (offlineCameras < 0 || second % 600 == 0) {
            offlineCameras = 0;
            for (Camera c : ctx.situation().cameras().values()) {
                if (!c.online()) {
                    offlineCameras++;
                }
            }
        }
        if (ctx.chance(rates.cameraFaultsPerDay() / 1440)) {
            Camera c = ctx.situation().cameras().get(all.get(ctx.nextInt(all.size())).id());
            if (c != null && c.online() && ctx.emit(new Event.CameraStatusChanged(c.id(), false))) {
                offlineCameras++;
            }
        }
        if (offlineCameras > 0 && ctx.chance(offlineCameras / (double) rates.cameraRepairMean().toMinutes())) {
            for (int tries = 0; tries < 50; tries++) {
                Camera c = ctx.situation().cameras().get(all.get(ctx.nextInt(all.size())).id());
                if (c != null && !c.online()) {
                    if (ctx.emit(new Event.CameraStatusChanged(c.id(), true))) {
                        offlineCameras--;
                    }
                    break;
                }
            }
        }
    }

    /** Every tick: the sensors whose beat it is report. */
    void sensors() {
        long second = ctx.now().getEpochSecond();
        long ticks = Math.max(1, rates.sensorPeriod().getSeconds() / 10);
        List<Sensor> sensors = ctx.scenario().sensors();
        for (int i = 0; i < sensors.size(); i++) {
            if (Math.floorMod(second / 10 - i, ticks) == 0) {
                read(sensors.get(i), ctx.local());
            }
        }
    }

    private void read(Sensor sensor, ZonedDateTime z) {
        Sensor live = ctx.situation().sensors().get(sensor.id());
        if (live == null) {
            return;
        }
        double[] st = state.get(sensor.id());
        double hour = z.getHour() + z.getMinute() / 60.0;
        double value;
        switch (sensor.kind()) {
            case WATER_LEVEL: {
                value = Math.max(0, st[0] * weather.rain(ctx.now()) + ctx.uniform() * 0.6);
                if (value >= sensor.threshold() && !live.alarm()) {
                    cases.open(Catalogue.WATERLOGGING, Incident.Source.SENSOR, IncidentState.REGISTERED, sensor.at(),
                            null, null);
                }
                break;
            }
            case SMOKE:
                if (st[1] <= 0 && ctx.chance(0.0002)) {
                    st[1] = 2; // a short spike: cooking smoke or a faulty head
                }
                value = st[1] > 0 ? 9 + ctx.uniform() * 6 : 0.2 + ctx.uniform() * 0.4;
                st[1]--;
                break;
            case POWER: {
                double daily = 0.65 + 0.35 * Math.max(0, Math.sin((hour - 6) / 24 * 2 * Math.PI))
                        + (hour >= 18 && hour < 23 ? 0.3 : 0);
                value = 180 * daily * (0.95 + ctx.uniform() * 0.1);
                if (sensor.communityCode() != null) {
                    value *= weather.powerFraction(sensor.communityCode(), ctx.now());
                }
                break;
            }
            case MANHOLE_COVER:
                if (st[1] <= 0 && ctx.chance(0.05 / 288)) {
                    st[1] = 24; // tilted for about two hours until a crew resets it
                    cases.open(Catalogue.MANHOLE, Incident.Source.SENSOR, IncidentState.REGISTERED, sensor.at(), null,
                            null);
                }
                value = st[1] > 0 ? 18 + ctx.uniform() * 10 : 0.3 + ctx.uniform() * 0.7;
                st[1]--;
                break;
            default: // GAS
                value = ctx.uniform() * 2;
                break;
        }
        double reading = Math.round(value * 10) / 10.0;
        if (ctx.lean() && (reading >= live.threshold()) == live.alarm()) {
            return; // the lived month keeps the alarms, not every reading
        }
        ctx.emit(new Event.SensorReported(sensor.id(), reading));
    }
}
