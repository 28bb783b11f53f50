package org.shanzhi.cockpit.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** 吹哨报到: the street summons departments, each must report on site (target 30 min). */
public record Whistle(String id, Kind kind, String reason, List<String> departments, Map<String, Instant> arrivals,
                      String incidentId, Instant requestedAt, Instant resolvedAt) {

    public enum Kind { DEMAND, ENFORCEMENT, EMERGENCY }

    public Whistle {
        departments = List.copyOf(departments);
        arrivals = Map.copyOf(arrivals);
    }

    public boolean open() {
        return resolvedAt == null;
    }
}
