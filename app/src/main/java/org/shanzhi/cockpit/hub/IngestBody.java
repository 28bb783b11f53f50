package org.shanzhi.cockpit.hub;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.json.BadJson;
import org.shanzhi.cockpit.json.Json;

/**
 * Reads an ingest body {@code {"events": [{type, time?, payload}, …]}} into events to append,
 * refusing with the field at fault whatever the hub could not take: the shape, the type, a time
 * outside the window around the hub's clock, a value against {@link InputRules}.
 */
final class IngestBody {

    static final int MAX_BATCH = 10_000;

    private final HubClock clock;
    private final HubLimits limits;

    IngestBody(HubClock clock, HubLimits limits) {
        this.clock = clock;
        this.limits = limits;
    }

    List<Hub.Pending> read(byte[] body) {
        JsonNode root = Json.readTree(body);
        JsonNode events = root.get("events");
        if (!root.isObject() || events == null || !events.isArray()) {
            throw new BadRequest("events", "the body must be {\"events\": [ … ]}");
        }
        root.fieldNames().forEachRemaining(name -> {
            if (!name.equals("events")) {
                throw new BadRequest(name, "unknown field '" + name + "'; the body has only 'events'");
            }
        });
        if (events.isEmpty()) {
            throw new BadRequest("events", "the batch is empty");
        }
        if (events.size() > MAX_BATCH) {
            throw new BadRequest("events", "at most " + MAX_BATCH + " events per call, got " + events.size());
        }
        List<Hub.Pending> batch = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            batch.add(pending(events.get(i), "events[" + i + "]"));
        }
        return batch;
    }

    private Hub.Pending pending(JsonNode e, String path) {
        if (e == null || !e.isObject()) {
            throw new BadRequest(path, "each event is an object {type, time?, payload}");
        }
        e.fieldNames().forEachRemaining(name -> {
            if (!name.equals("type") && !name.equals("time") && !name.equals("payload")) {
                throw new BadRequest(path + "." + name, "unknown field '" + name + "'; an event has type, time, payload");
            }
        });
        JsonNode type = e.get("type");
        if (type == null || !type.isTextual()) {
            throw new BadRequest(path + ".type", "type is required: one of " + Json.eventTypes());
        }
        Class<? extends Event> c;
        try {
            c = Json.eventClass(type.asText());
        } catch (BadJson ex) {
            throw new BadRequest(path + ".type", ex.getMessage() + "; known: " + Json.eventTypes());
        }
        if (Event.writtenByTheHubOnly().contains(c)) {
            throw new BadRequest(path + ".type", type.asText() + " is written by the hub itself only (its journal"
                    + " quarantine, its drill clock)");
        }
        Instant time = null;
        JsonNode t = e.get("time");
        if (t != null && !t.isNull()) {
            try {
                time = Instant.parse(t.asText());
            } catch (DateTimeParseException ex) {
                throw new BadRequest(path + ".time", "time must be ISO-8601 like 2026-05-30T08:00:00Z, got '"
                        + t.asText() + "'");
            }
            checkWindow(time, path + ".time");
        }
        Event event = Json.readEvent(type.asText(), e.get("payload"), path + ".payload");
        InputRules.check(event, path + ".payload");
        return new Hub.Pending(time, event);
    }

    /** An event's time may lie only so far from the hub's clock: one absurd time would move the hub's day for good. */
    private void checkWindow(Instant time, String field) {
        Instant now = clock.now();
        if (time.isBefore(now.minus(limits.eventPast())) || time.isAfter(now.plus(limits.eventFuture()))) {
            throw new BadRequest(field, "time " + time + " is outside the hub's window: from " + human(limits.eventPast())
                    + " before to " + human(limits.eventFuture()) + " after the hub's clock (" + now + ")");
        }
    }

    private static String human(Duration d) {
        return d.toMinutes() % (24 * 60) == 0 ? d.toDays() + " days" : d.toMinutes() + " minutes";
    }
}
