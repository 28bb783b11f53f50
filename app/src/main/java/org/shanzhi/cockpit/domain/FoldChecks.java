package org.shanzhi.cockpit.domain;

import java.util.Set;

import org.pcollections.PMap;

/** The checks every rule of the fold makes, each rejecting with the event's field name. */
final class FoldChecks {

    private FoldChecks() {
    }

    static <V> V require(PMap<String, V> map, String id, String field, String what) {
        if (id == null || id.isBlank()) {
            throw new Rejection(field, field + " is required");
        }
        V v = map.get(id);
        if (v == null) {
            throw new Rejection(field, "unknown " + what + " " + id);
        }
        return v;
    }

    static void requireId(String id, String field, PMap<String, ?> existing) {
        requireText(id, field);
        if (existing.containsKey(id)) {
            throw new Rejection(field, id + " already exists");
        }
    }

    static void requireText(String s, String field) {
        if (s == null || s.isBlank()) {
            throw new Rejection(field, field + " is required");
        }
    }

    static <S extends Enum<S>> void check(String field, S to, S from, Set<S> allowed) {
        if (to == null) {
            throw new Rejection(field, field + " is required");
        }
        if (!allowed.contains(to)) {
            throw new Rejection(field, "illegal transition " + from + " → " + to + "; allowed from " + from + ": "
                    + (allowed.isEmpty() ? "none (terminal)" : allowed));
        }
    }
}
