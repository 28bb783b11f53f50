package org.shanzhi.cockpit.hub;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;

import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.Recorded;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.json.Json;

import static org.shanzhi.cockpit.hub.Answers.json;

/**
 * The write routes' way through HTTP: a body read and checked, an idempotency key, the append under
 * the hub's lock, the answer. What a command does is {@link Commands}'; how an ingest body reads is
 * {@link IngestBody}'s.
 */
final class Writes {

    private final Hub hub;
    private final IngestBody ingestBody;

    Writes(Hub hub, HubLimits limits) {
        this.hub = hub;
        this.ingestBody = new IngestBody(hub.clock(), limits);
    }

    void ingest(Context ctx) {
        byte[] bytes = ctx.bodyAsBytes();
        List<Hub.Pending> batch = ingestBody.read(bytes);
        String key = ctx.header("Idempotency-Key");
        List<Recorded> recorded = hub.append(batch, new Hub.Origin("ingest", Access.role(ctx), "ingest",
                batch.size() + " events", key == null ? null : checkKey(key), hash(ctx, bytes)));
        // outside systems send thousands of events: the answer is the seqs, not an echo
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("accepted", recorded.size());
        m.put("firstSeq", recorded.get(0).seq());
        m.put("lastSeq", recorded.get(recorded.size() - 1).seq());
        json(ctx, 200, Json.write(m));
    }

    /**
     * Runs a command on {@code family}'s entry named by the path's id (or, with no family, one that makes
     * a new entry): idempotency key required, events made from the current situation under the hub's lock.
     */
    void command(Context ctx, String action, String family, Function<Situation, List<Event>> make) {
        String key = ctx.header("Idempotency-Key");
        if (key == null || key.isBlank()) {
            throw new BadRequest("Idempotency-Key", "commands need an Idempotency-Key header (1–200 visible ASCII"
                    + " characters)");
        }
        String target = family == null ? null : family + "/" + ctx.pathParam("id");
        if (family != null && !Reads.family(family).of().apply(hub.situation()).containsKey(ctx.pathParam("id"))) {
            throw new BadRequest(404, "id", "no " + family + " entry with id " + ctx.pathParam("id"));
        }
        List<Recorded> recorded = hub.append(s -> make.apply(s).stream().map(e -> new Hub.Pending(null, e)).toList(),
                new Hub.Origin("command", Access.role(ctx), action, target, checkKey(key), hash(ctx, ctx.bodyAsBytes())));
        json(ctx, family == null ? 201 : 200, Json.write(accepted(recorded)));
    }

    /** The command's body as {@code type}, checked by {@link InputRules}. */
    static <T> T body(Context ctx, Class<T> type) {
        JsonNode tree = Json.readTree(ctx.bodyAsBytes());
        if (!tree.isObject()) {
            throw new BadRequest("body", "the body must be a JSON object");
        }
        T body = Json.read(tree, type, "body");
        InputRules.check(body, "body");
        return body;
    }

    /** Like {@link #body}, or null for an empty body. */
    static <T> T optionalBody(Context ctx, Class<T> type) {
        return ctx.bodyAsBytes().length == 0 ? null : body(ctx, type);
    }

    private static Map<String, Object> accepted(List<Recorded> recorded) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("accepted", recorded.size());
        m.put("firstSeq", recorded.isEmpty() ? null : recorded.get(0).seq());
        m.put("lastSeq", recorded.isEmpty() ? null : recorded.get(recorded.size() - 1).seq());
        List<Map<String, Object>> events = new ArrayList<>();
        for (Recorded r : recorded) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("seq", r.seq());
            e.put("time", r.time());
            e.put("type", Json.typeOf(r.event()));
            e.put("payload", r.event());
            events.add(e);
        }
        m.put("events", events);
        return m;
    }

    private static String checkKey(String key) {
        if (!key.matches("[\\x21-\\x7E]{1,200}")) {
            throw new BadRequest("Idempotency-Key", "Idempotency-Key must be 1–200 visible ASCII characters");
        }
        return key;
    }

    /** What makes two requests the same: method, path and body. */
    private static String hash(Context ctx, byte[] body) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update((ctx.method() + " " + ctx.path() + "\n").getBytes(StandardCharsets.UTF_8));
            d.update(body);
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
