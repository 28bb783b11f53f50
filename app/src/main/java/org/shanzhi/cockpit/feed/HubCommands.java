package org.shanzhi.cockpit.feed;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.shanzhi.cockpit.json.Json;

/**
 * Orders sent to a hub on behalf of the person at the wall (POST /api/v1/…, see docs/api.md), none ever lost.
 * Each command gets its own Idempotency-Key and is written to a {@link CommandOutbox} before it is sent; one
 * thread sends the outbox's entries in order, each until the hub has answered it, so a command the hub could not
 * be reached for waits there (待发送) and goes when the hub is back, and a wall restarted sends what its last run
 * left. Resending after a lost answer is safe: the hub applies a key once and answers the second time with 409
 * {@code duplicate}, which counts as done. A refusal (4xx) ends the command; a 5xx or no answer keeps it and tries
 * again after 1, 2, 4, 8, then every 10 seconds.
 * <p>
 * Given several hubs on one journal, a command no hub answered goes to the next at once, so it finds the hub that
 * writes (a follower answers 503, naming it); only when none answered does it wait.
 * <p>
 * The returned future completes on the sending thread, never exceptionally: {@link Outcome.Done} or
 * {@link Outcome.Refused} when the hub answered, {@link Outcome.Queued} as soon as it is known that the command
 * has to wait. What becomes of a queued command later is told to {@link #onLateRefusal} if the hub refuses it.
 */
public final class HubCommands implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HubCommands.class);
    private static final MediaType JSON = MediaType.get("application/json");
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LAST_RETRY = Duration.ofSeconds(10);

    /** What became of an order. */
    public sealed interface Outcome {
        /** The hub wrote it; {@code seq} is its first event. */
        record Done(long seq) implements Outcome {
        }

        /** The hub answered no: {@code status} 4xx and the hub's own message. */
        record Refused(int status, String error, String message) implements Outcome {
        }

        /**
         * Not answered yet: the hub could not be reached ({@code reason}) and the command waits in the outbox with
         * {@code waiting} others (itself included), to be sent in order when the hub is back.
         */
        record Queued(String reason, int waiting) implements Outcome {
        }

        /** Not even kept: the outbox could not be written ({@code reason}). */
        record Failed(String reason) implements Outcome {
        }
    }

    /** A command that had to wait, refused by the hub once it could be reached: its path and the refusal. */
    public record LateRefusal(String path, Outcome.Refused refusal) {
    }

    private final List<String> baseUrls;
    /** The hub of {@link #baseUrls} that answered last, tried first. */
    private int current;
    private final String token;
    private final OkHttpClient http;
    private final CommandOutbox outbox;
    /** The futures of this run's commands not yet answered, by key (a previous run's have none). */
    private final Map<String, CompletableFuture<Outcome>> futures = new ConcurrentHashMap<>();
    private final Object lock = new Object();
    private volatile Consumer<LateRefusal> lateRefusal = r -> { };
    /** Why the last attempt got no answer; null when it did. */
    private volatile String unreachable;
    private Thread sender;
    private boolean closed;

    /** Commands kept in memory only: they wait for the hub while this process runs (tools and tests). */
    public HubCommands(String baseUrl, String token) {
        this(baseUrl, token, CommandOutbox.inMemory());
    }

    /** Commands kept in {@code outbox}; what it holds from a previous run is sent first. */
    public HubCommands(String baseUrl, String token, CommandOutbox outbox) {
        this(List.of(baseUrl), token, outbox);
    }

    /** Commands for any of {@code baseUrls}, hubs on one journal: whichever writes takes them. */
    public HubCommands(List<String> baseUrls, String token, CommandOutbox outbox) {
        if (baseUrls.isEmpty()) {
            throw new IllegalArgumentException("commands need at least one hub address");
        }
        this.baseUrls = baseUrls.stream().map(u -> u.replaceAll("/+$", "")).toList();
        this.token = token;
        this.outbox = outbox;
        this.http = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(3))
                .callTimeout(Duration.ofSeconds(10))
                .build();
        if (outbox.size() > 0) {
            wake();
        }
    }

    /** How many commands wait for the hub (待发送), this run's and those a previous run left. */
    public int waiting() {
        return outbox.size();
    }

    /** Told, on the sending thread, of each command the hub refused after it had to wait. */
    public void onLateRefusal(Consumer<LateRefusal> listener) {
        this.lateRefusal = listener;
    }

    /** 批示: a written instruction on a case ({@code incidentId}) or, with null, for the whole street (leader, district). */
    public CompletableFuture<Outcome> instruct(String incidentId, String text) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (incidentId != null) {
            body.put("incidentId", incidentId);
        }
        body.put("text", text.strip());
        return post("/api/v1/instructions", body);
    }

    /** 派遣: sends {@code unitId} to the case (operator or leader; the case must be waiting for dispatch). */
    public CompletableFuture<Outcome> dispatch(String incidentId, String unitId) {
        return post("/api/v1/incidents/" + incidentId + "/dispatch", Map.of("unitId", unitId));
    }

    /**
     * 派单: an order for {@code unitId} on the case with its task and priority (either null: the hub's default, the
     * case's title and severity).
     */
    public CompletableFuture<Outcome> issueOrder(String incidentId, String unitId, String task, String priority) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("unitId", unitId);
        if (task != null && !task.isBlank()) {
            body.put("task", task.strip());
        }
        if (priority != null) {
            body.put("priority", priority);
        }
        return post("/api/v1/incidents/" + incidentId + "/orders", body);
    }

    /** 改派: the order ends as reassigned and a new one goes to {@code unitId}. */
    public CompletableFuture<Outcome> reassignOrder(String orderId, String unitId) {
        return post("/api/v1/orders/" + orderId + "/reassign", Map.of("unitId", unitId));
    }

    /** 撤回: the seat cancels the order. */
    public CompletableFuture<Outcome> cancelOrder(String orderId) {
        return post("/api/v1/orders/" + orderId + "/advance", Map.of("state", "CANCELLED"));
    }

    /** Moves the case on through the 数字城管 flow (核查 CHECKING, 返工 REWORK …). */
    public CompletableFuture<Outcome> advanceCase(String incidentId, String state) {
        return post("/api/v1/incidents/" + incidentId + "/advance", Map.of("state", state));
    }

    /** 结案 after the check (the leader's). */
    public CompletableFuture<Outcome> closeCase(String incidentId, String note) {
        return post("/api/v1/incidents/" + incidentId + "/close", Map.of("note", note));
    }

    /** 吹哨: summons {@code departments} to the case for {@code reason} (operator, leader, district). */
    public CompletableFuture<Outcome> whistle(String incidentId, String reason, List<String> departments) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reason", reason.strip());
        body.put("departments", List.copyOf(departments));
        return post("/api/v1/incidents/" + incidentId + "/whistle", body);
    }

    /** 报到: records that {@code department} reported on site for the whistle. */
    public CompletableFuture<Outcome> whistleArrived(String whistleId, String department) {
        return post("/api/v1/whistles/" + whistleId + "/arrived", Map.of("department", department));
    }

    /**
     * 研判: one AI alert's review (operator or leader): {@code body} is {decision, falseAlarm?, mergedInto?,
     * incidentId?} as docs/api.md says.
     */
    public CompletableFuture<Outcome> review(String alertId, Map<String, String> body) {
        return post("/api/v1/alerts/" + alertId + "/review", body);
    }

    /** 演练: loads the drill the hub knows by {@code name} (GET /api/v1/drill/scripts), ready to start (the trainer's). */
    public CompletableFuture<Outcome> loadDrill(String name) {
        return post("/api/v1/drill", Map.of("name", name));
    }

    /** 演练: one step of the loaded drill, {@code start}, {@code pause}, {@code resume}, {@code skip} or {@code stop}. */
    public CompletableFuture<Outcome> drill(String step) {
        return post("/api/v1/drill/" + step, Map.of());
    }

    /** 演练: fires the inject now (a contingency inject), running or paused. */
    public CompletableFuture<Outcome> fireInject(String injectId) {
        return post("/api/v1/drill/injects/" + injectId + "/fire", Map.of());
    }

    /** 演练: an unannounced inject, shaped as in a drill script (assets/drills/README.md). */
    public CompletableFuture<Outcome> addInject(Map<String, Object> inject) {
        return post("/api/v1/drill/injects", inject);
    }

    private CompletableFuture<Outcome> post(String path, Object body) {
        CompletableFuture<Outcome> out = new CompletableFuture<>();
        CommandOutbox.Entry entry = new CommandOutbox.Entry(UUID.randomUUID().toString(), "POST", path,
                Json.write(body), Instant.now());
        futures.put(entry.key(), out);
        try {
            outbox.add(entry);
        } catch (IOException e) {
            futures.remove(entry.key());
            out.complete(new Outcome.Failed(String.valueOf(e.getMessage())));
            return out;
        }
        String why = unreachable;
        if (why != null) {
            // the hub is known to be out of reach: the command waits behind the others, say so now
            out.complete(new Outcome.Queued(why, outbox.size()));
        }
        wake();
        return out;
    }

    private void wake() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            if (sender == null) {
                sender = new Thread(this::sendAll, "hub-commands");
                sender.setDaemon(true);
                sender.start();
            }
            lock.notifyAll();
        }
    }

    /** The sending thread: the outbox's head until it is answered, then the next. */
    private void sendAll() {
        Duration retry = FIRST_RETRY;
        while (true) {
            CommandOutbox.Entry head = null;
            synchronized (lock) {
                while (!closed && (head = outbox.head()) == null) {
                    waitOn(Duration.ZERO);
                }
                if (closed) {
                    return;
                }
            }
            Outcome answer = send(head);
            // unanswered (no answer, a follower's 503): the other hubs, one after the other, before waiting
            for (int tried = 1; answer instanceof Outcome.Queued && tried < baseUrls.size(); tried++) {
                current = (current + 1) % baseUrls.size();
                answer = send(head);
            }
            if (answer instanceof Outcome.Queued q) {
                unreachable = q.reason();
                // every command waiting behind it waits as long
                futures.values().forEach(f -> f.complete(new Outcome.Queued(q.reason(), outbox.size())));
                synchronized (lock) {
                    if (!closed) {
                        waitOn(retry);
                    }
                }
                retry = retry.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : retry.multipliedBy(2);
                continue;
            }
            unreachable = null;
            retry = FIRST_RETRY;
            try {
                outbox.remove(head.key());
            } catch (IOException e) {
                // the entry stays on disk: a restarted wall sends it again and the hub answers duplicate
                LOG.warn("outbox could not note command {} as answered: {}", head.key(), e.toString());
            }
            CompletableFuture<Outcome> future = futures.remove(head.key());
            boolean told = future != null && future.complete(answer);
            if (!told && answer instanceof Outcome.Refused r) {
                lateRefusal.accept(new LateRefusal(head.path(), r));
            }
        }
    }

    private void waitOn(Duration d) {
        try {
            lock.wait(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    /** One attempt: the hub's answer, or {@link Outcome.Queued} when there was none worth keeping. */
    private Outcome send(CommandOutbox.Entry e) {
        Request request = new Request.Builder()
                .url(baseUrls.get(current) + e.path())
                .header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", e.key())
                .method(e.method(), RequestBody.create(e.body(), JSON))
                .build();
        try (Response response = http.newCall(request).execute()) {
            return outcome(response.code(), response.body().string());
        } catch (IOException | RuntimeException x) {
            return new Outcome.Queued(x.getMessage() == null ? x.getClass().getSimpleName() : x.getMessage(), 0);
        }
    }

    static Outcome outcome(int status, String body) throws IOException {
        JsonNode json = body.isBlank() ? null : Json.MAPPER.readTree(body);
        String error = json == null ? "" : json.path("error").asText("");
        if (status / 100 == 2 || status == 409 && error.equals("duplicate")) {
            // 409 duplicate: an earlier try was applied and its answer lost
            JsonNode seq = json == null ? null : json.get("firstSeq");
            return new Outcome.Done(seq == null || !seq.isNumber() ? 0 : seq.asLong());
        }
        String message = json == null ? "HTTP " + status : json.path("message").asText("HTTP " + status);
        if (status / 100 == 5) {
            return new Outcome.Queued(message, 0);
        }
        return new Outcome.Refused(status, error, message);
    }

    /** Stops sending; what is not answered stays in the outbox for the next run. */
    @Override
    public void close() {
        Thread t;
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
            t = sender;
        }
        if (t != null) {
            try {
                t.join(Duration.ofSeconds(12).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        futures.values().forEach(f -> f.complete(new Outcome.Queued("closed", outbox.size())));
        try {
            outbox.close();
        } catch (IOException e) {
            LOG.warn("outbox close failed: {}", e.toString());
        }
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
