package org.shanzhi.cockpit.domain;

/**
 * Marks a thing a drill made, or one that followed from it (a case from a drill alert, an order on a drill
 * case): {@code key} is its family and id, {@code "incidents/GD-…"}, as the hub names a command's target.
 */
public record DrillThing(String key, String drillId) {

    public static String key(String family, String id) {
        return family + "/" + id;
    }
}
