package org.shanzhi.cockpit.domain;

import java.time.Instant;

/** An IoT sensor and its latest reading. {@code threshold} is where a reading becomes an alarm. */
public record Sensor(String id, Kind kind, GeoPoint at, String communityCode, double threshold, double value,
                     boolean alarm, Instant readAt) {

    public enum Kind {
        WATER_LEVEL("积水", "cm"),
        SMOKE("烟感", "%obs/m"),
        POWER("配电", "A"),
        MANHOLE_COVER("井盖", "°"),
        GAS("燃气", "%LEL");

        public final String zh;
        public final String unit;

        Kind(String zh, String unit) {
            this.zh = zh;
            this.unit = unit;
        }
    }

    public Sensor withReading(double newValue, boolean newAlarm, Instant at) {
        return new Sensor(id, kind, this.at, communityCode, threshold, newValue, newAlarm, at);
    }
}
