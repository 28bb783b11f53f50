package org.shanzhi.cockpit.domain;

import java.time.Instant;

/** A meteorological warning signal in force (DOMAIN.md §4.1). */
public record WeatherWarning(String id, Hazard hazard, Level level, String issuer, Instant validFrom, Instant validTo,
                             boolean lifted) {

    public enum Hazard {
        RAINSTORM("暴雨"), GALE("大风"), THUNDER("雷电"), HEAT("高温"), COLD_WAVE("寒潮"), SANDSTORM("沙尘");

        public final String zh;

        Hazard(String zh) {
            this.zh = zh;
        }
    }

    /** Ordered from least to most severe. */
    public enum Level {
        BLUE("蓝色"), YELLOW("黄色"), ORANGE("橙色"), RED("红色");

        public final String zh;

        Level(String zh) {
            this.zh = zh;
        }
    }

    public boolean activeAt(Instant now) {
        return !lifted && !now.isBefore(validFrom) && (validTo == null || now.isBefore(validTo));
    }
}
