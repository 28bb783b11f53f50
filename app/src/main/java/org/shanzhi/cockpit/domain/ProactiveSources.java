package org.shanzhi.cockpit.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Which finders make a case 未诉先办 (found before anyone called): by default the cameras' AI, the sensors and the
 * 网格员 on their rounds (DOMAIN.md §2: "proactively discovered"; issue text: AI, sensors and 网格员 finds).
 * 监督员, 12345 transfers and 领导交办 are not: someone raised those.
 */
public record ProactiveSources(Set<Incident.Source> sources) {

    public static final ProactiveSources DEFAULT = new ProactiveSources(
            EnumSet.of(Incident.Source.AI, Incident.Source.SENSOR, Incident.Source.GRID_WORKER));

    public ProactiveSources {
        if (sources == null || sources.isEmpty()) {
            throw new Rejection("proactiveSources", "at least one source finds cases before a call");
        }
        if (sources.contains(Incident.Source.HOTLINE)) {
            throw new Rejection("proactiveSources", "a 12345 order is a call, never found before one");
        }
        sources = Set.copyOf(sources);
    }

    public boolean counts(Incident.Source source) {
        return sources.contains(source);
    }
}
