package org.shanzhi.cockpit.hub.drill;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.Recorded;
import org.shanzhi.cockpit.domain.debrief.Plan;
import org.shanzhi.cockpit.hub.drill.DrillScript.Expect;
import org.shanzhi.cockpit.hub.drill.DrillScript.Inject;
import org.shanzhi.cockpit.hub.drill.DrillScript.Timed;
import org.shanzhi.cockpit.json.Json;

/**
 * A drill script read against a recorded range, for the debrief: which run of the script the range holds (its drill
 * id) and when each inject fired, found from the events the injects put on the hub. An inject fired when its first
 * event came, less that event's offset; one whose events are not in the range never fired in it.
 */
public final class DrillPlans {

    private DrillPlans() {
    }

    /** The plan of {@code script} as run with {@code drillId} over {@code events}. */
    public static Plan plan(DrillScript script, String drillId, List<Recorded> events) {
        record Source(String injectId, Timed timed) {
        }
        Map<Event, Source> expected = new HashMap<>();
        for (Inject in : script.injects()) {
            for (Timed t : in.events()) {
                expected.putIfAbsent(t.event(drillId), new Source(in.id(), t));
            }
        }
        Map<String, Instant> fired = new HashMap<>();
        for (Recorded r : events) {
            Source s = expected.get(r.event());
            if (s != null) {
                fired.putIfAbsent(s.injectId(), r.time().minus(s.timed().offset()));
            }
        }
        List<Plan.Expectation> expectations = new ArrayList<>();
        for (Inject in : script.injects()) {
            for (Expect x : in.expect()) {
                expectations.add(new Plan.Expectation(in.id(), in.title(), x.action(),
                        DrillScript.id(x.subject(), drillId), x.within(), x.text(), x.objective(), fired.get(in.id())));
            }
        }
        List<Plan.Objective> objectives = script.objectives().stream()
                .map(o -> new Plan.Objective(o.id(), o.text(), o.target())).toList();
        return new Plan(drillId, script.name(), objectives, expectations);
    }

    /** The first drill started in {@code events}, or null. */
    public static Event.DrillStarted started(List<Recorded> events) {
        for (Recorded r : events) {
            if (r.event() instanceof Event.DrillStarted d) {
                return d;
            }
        }
        return null;
    }

    /**
     * The id of the first run of {@code script} in {@code events}, or null: its start, or, in a range that begins
     * after it (or was recorded before drills were marked), the first id its first inject creates ({@code $name},
     * named {@code <drill id>:name} on the hub).
     */
    public static String drillId(DrillScript script, List<Recorded> events) {
        for (Recorded r : events) {
            if (r.event() instanceof Event.DrillStarted d && d.name().equals(script.name())) {
                return d.drillId();
            }
        }
        for (Inject in : script.injects()) {
            for (Timed t : in.events()) {
                Map.Entry<String, String> local = firstLocalId(t.payload());
                if (local == null) {
                    continue;
                }
                String suffix = ":" + local.getValue().substring(DrillScript.LOCAL.length());
                for (Recorded r : events) {
                    if (Json.typeOf(r.event()).equals(t.type())) {
                        String id = Json.MAPPER.valueToTree(r.event()).path(local.getKey()).asText("");
                        if (id.endsWith(suffix)) {
                            return id.substring(0, id.length() - suffix.length());
                        }
                    }
                }
                return null;
            }
        }
        return null;
    }

    /** The first field of a payload that holds a drill's own id ({@code $name}): its name and value. */
    private static Map.Entry<String, String> firstLocalId(JsonNode payload) {
        for (Iterator<Map.Entry<String, JsonNode>> it = payload.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (f.getValue().isTextual() && f.getValue().asText().startsWith(DrillScript.LOCAL)) {
                return Map.entry(f.getKey(), f.getValue().asText());
            }
        }
        return null;
    }
}
