package org.shanzhi.cockpit.wall.map.layer;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A name the map's {@code layers} option can list (layouts/layout.schema.json), and whether it is on when a layout
 * does not say; {@code aliases} are older names still read. The layer that owns a switch declares it.
 */
record LayerSwitch(String option, boolean byDefault, List<String> aliases) {

    /** On unless the layout lists layers without it. */
    static LayerSwitch of(String option) {
        return new LayerSwitch(option, true, List.of());
    }

    /** Off unless the layout lists it. */
    static LayerSwitch onRequest(String option, String... aliases) {
        return new LayerSwitch(option, false, List.of(aliases));
    }

    boolean named(String name) {
        return option.equals(name) || aliases.contains(name);
    }

    /** The switches on, by option: those in {@code options.layers} (unknown names ignored), or the defaults without a list. */
    static Set<String> on(JsonNode options, Collection<LayerSwitch> known) {
        JsonNode list = options == null ? null : options.get("layers");
        Set<String> out = new LinkedHashSet<>();
        if (list == null || !list.isArray()) {
            for (LayerSwitch s : known) {
                if (s.byDefault()) {
                    out.add(s.option());
                }
            }
            return Collections.unmodifiableSet(out);
        }
        for (JsonNode n : list) {
            for (LayerSwitch s : known) {
                if (s.named(n.asText())) {
                    out.add(s.option());
                }
            }
        }
        return Collections.unmodifiableSet(out);
    }
}
