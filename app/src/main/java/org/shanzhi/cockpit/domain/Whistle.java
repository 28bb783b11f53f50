package org.shanzhi.cockpit.domain;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;
import java.util.Map;

/** 吹哨报到: the street summons departments, each must report on site (target 30 min). */
public record Whistle(String id, Kind kind, String reason, List<String> departments, Map<String, Instant> arrivals,
                      String incidentId, Instant requestedAt, Instant resolvedAt) {

    public enum Kind { DEMAND, ENFORCEMENT, EMERGENCY }

    public Whistle {
        departments = List.copyOf(departments);
        // sorted, so that every JVM writes the same snapshot (Map.copyOf's order varies between runs)
        arrivals = Collections.unmodifiableSortedMap(new TreeMap<>(arrivals));
    }

    public boolean open() {
        return resolvedAt == null;
    }
}
