package org.shanzhi.cockpit.hub.drill;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.debrief.Action;
import org.shanzhi.cockpit.json.Json;

/**
 * A checked drill script (a master scenario events list): what the exercise is for and its injects, each
 * with when it fires, the events it becomes and what the trainees are expected to do. Ids the drill creates
 * are written {@code $name} and become {@code <drill id>:name} when a drill runs, so the same script runs
 * again on the same hub. Read and checked by {@link DrillScripts}; {@code source} is the document as read,
 * to check an inject added during a run with the rest.
 */
public record DrillScript(String name, String summary, List<String> participants, List<Objective> objectives,
                          List<Inject> injects, JsonNode source) {

    /** The prefix of an id the drill creates. */
    static final String LOCAL = "$";

    public record Objective(String id, String text, String target) {
    }

    /**
     * One inject. Exactly one of {@code at} (after T0), {@code after} (another inject's id, by {@code delay})
     * or {@code when} (a trainee action, by {@code delay}) is set.
     */
    public record Inject(String id, String title, Duration at, String after, Trigger when, Duration delay,
                         List<Timed> events, List<Expect> expect) {
    }

    /** What the trainees do to a thing the drill created, e.g. the case {@code $line-case} dispatched. */
    public record Trigger(Action action, String subject) {
    }

    /**
     * The action expected of the trainees, its time limit from the inject and the objective it serves (or null).
     * On a surge, {@code complaintHandled} is each of its orders, timed from its own arrival.
     */
    public record Expect(Action action, String subject, Duration within, String text, String objective) {
    }

    /** One event of an inject, {@code offset} after the inject fires; its payload still holds {@code $name} ids. */
    public record Timed(Duration offset, String type, JsonNode payload) {

        /** The event with the drill's own ids made from {@code drillId}. */
        public Event event(String drillId) {
            return Json.readEvent(type, withIds(payload, drillId), "payload");
        }
    }

    public Inject inject(String id) {
        return injects.stream().filter(i -> i.id().equals(id)).findFirst().orElse(null);
    }

    /** {@code $name} as it is while drill {@code drillId} runs. */
    public static String id(String local, String drillId) {
        return local.startsWith(LOCAL) ? drillId + ":" + local.substring(1) : local;
    }

    static JsonNode withIds(JsonNode node, String drillId) {
        if (node.isTextual() && node.asText().startsWith(LOCAL)) {
            return TextNode.valueOf(id(node.asText(), drillId));
        }
        if (node.isObject()) {
            ObjectNode copy = ((ObjectNode) node).objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                copy.set(f.getKey(), withIds(f.getValue(), drillId));
            }
            return copy;
        }
        if (node.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            node.forEach(n -> items.add(withIds(n, drillId)));
            return Json.MAPPER.createArrayNode().addAll(items);
        }
        return node;
    }
}
