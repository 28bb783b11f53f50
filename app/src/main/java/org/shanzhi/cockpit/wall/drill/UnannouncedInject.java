package org.shanzhi.cockpit.wall.drill;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.shanzhi.cockpit.domain.Community;
import org.shanzhi.cockpit.domain.GeoPoint;

/**
 * An inject the trainer adds during a run (临时注入): a case of one of a few kinds at a community, reported by a grid
 * worker, with the dispatch expected within 10 minutes. Shaped as an inject of a drill script
 * (assets/drills/README.md), so the hub checks it with the script.
 */
final class UnannouncedInject {

    /** The kinds offered: the case's category, its severity, and the key of its words. */
    enum Kind {
        TREE("树木倒伏", "HIGH"),
        WATERLOGGING("道路积水", "HIGH"),
        GAS("燃气", "CRITICAL"),
        CROWD("人员聚集", "CRITICAL");

        final String category;
        final String severity;

        Kind(String category, String severity) {
            this.category = category;
            this.severity = severity;
        }
    }

    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("HHmmss").withZone(ZoneOffset.UTC);

    private UnannouncedInject() {
    }

    /** The inject: {@code title} is the words the trainee reads, {@code now} names it (one a second at most). */
    static Map<String, Object> of(Kind kind, String title, Community place, Instant now) {
        String id = "extra-" + ID.format(now);
        GeoPoint at = place.boundary().centroid();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("incidentId", "$" + id);
        payload.put("title", title);
        payload.put("category", kind.category);
        payload.put("source", "GRID_WORKER");
        payload.put("severity", kind.severity);
        payload.put("state", "REGISTERED");
        payload.put("at", Map.of("lon", at.lon(), "lat", at.lat()));
        Map<String, Object> inject = new LinkedHashMap<>();
        inject.put("id", id);
        inject.put("title", title);
        inject.put("events", List.of(Map.of("type", "IncidentOpened", "payload", payload)));
        inject.put("expect", List.of(Map.of("action", "caseDispatched", "within", "10m")));
        return inject;
    }
}
