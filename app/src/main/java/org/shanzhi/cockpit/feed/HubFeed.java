package org.shanzhi.cockpit.feed;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.shanzhi.cockpit.domain.DispatchOrder;
import org.shanzhi.cockpit.domain.Recorded;
import org.shanzhi.cockpit.domain.Rejection;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.json.BadJson;
import org.shanzhi.cockpit.json.Json;
import org.shanzhi.cockpit.json.StreamClose;

/**
 * Keeps a situation true to a hub: loads the snapshot, then streams from its seq and folds every
 * frame, off the FX thread; while the hub says it catches up with its clock, takes its snapshot again every second
 * instead. On a disconnect it reconnects with jittered back-off and resumes
 * from the last seq; on a gap (or a frame the fold refuses) it takes a new snapshot. Garbage
 * frames are counted and skipped. Readers take {@link #latest()} whenever they like.
 * <p>
 * Given several hubs on one journal (a writer and its followers: they number events alike), each reconnect goes to
 * the next of them, so a wall whose hub died carries on from the same seq on another.
 */
public final class HubFeed implements SituationSource, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HubFeed.class);
    static final Duration STALE_AFTER = Duration.ofSeconds(5);
    private static final long MIN_BACKOFF_MS = 250;
    private static final long MAX_BACKOFF_MS = 10_000;
    /** How often a feed takes the snapshot while its hub catches up with its clock. */
    private static final long CATCH_UP_SNAPSHOT_MS = 1000;

    private final List<String> baseUrls;
    /** The hub of {@link #baseUrls} this feed tries now; moved on by each failed attempt. */
    private volatile int current;
    private final String token;
    private final OkHttpClient http;
    private final ScheduledExecutorService worker;
    private final AtomicLong version = new AtomicLong();

    private volatile Situation latest;
    private volatile DispatchOrder.Timing orderTiming = DispatchOrder.Timing.defaults();
    /** The hub's clock while its health says it is catching up, else null. */
    private volatile Instant hubCatchingUpAt;
    private volatile FeedStatus status;
    private volatile boolean closed;
    private volatile boolean needSnapshot = true;
    /** The hub's tag of the snapshot last taken (its start and seq), or null. */
    private volatile String snapshotTag;
    private volatile WebSocket socket;
    /** The stream attempt that is current; callbacks of older attempts are ignored. */
    private volatile int generation;
    // each written by one thread at a time: the worker, or the current socket's reader
    private volatile int attempt;
    private volatile long garbage;
    private volatile long resnapshots;
    private volatile long reconnects;

    public HubFeed(String baseUrl, String token) {
        this(List.of(baseUrl), token);
    }

    /** A feed from any of {@code baseUrls}: hubs on one journal, the first tried first. */
    public HubFeed(List<String> baseUrls, String token) {
        if (baseUrls.isEmpty()) {
            throw new IllegalArgumentException("a feed needs at least one hub address");
        }
        this.baseUrls = baseUrls.stream().map(u -> u.replaceAll("/+$", "")).toList();
        this.token = token;
        this.http = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(3))
                .readTimeout(Duration.ofSeconds(30))
                .pingInterval(Duration.ofSeconds(10))
                .build();
        this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hub-feed");
            t.setDaemon(true);
            return t;
        });
        this.status = new FeedStatus(FeedStatus.State.CONNECTING, Instant.now(), 0, 0, 0, 0, null);
    }

    public HubFeed start() {
        worker.execute(this::connect);
        return this;
    }

    /** The newest situation, or null before the first snapshot. */
    @Override
    public Situation latest() {
        return latest;
    }

    /** Increments with every new situation; a reader compares it to know whether to render. */
    @Override
    public long version() {
        return version.get();
    }

    /**
     * The hub's order timing, as its health said when the feed first connected
     * (before that, or from an older hub: the defaults).
     */
    @Override
    public DispatchOrder.Timing orderTiming() {
        return orderTiming;
    }

    /** The connection state; a disconnect older than {@link #STALE_AFTER} reads as STALE. */
    @Override
    public FeedStatus status() {
        FeedStatus s = status;
        FeedStatus.State state = s.state() == FeedStatus.State.RECONNECTING
                && Duration.between(s.since(), Instant.now()).compareTo(STALE_AFTER) > 0
                ? FeedStatus.State.STALE : s.state();
        return new FeedStatus(state, s.since(), seq(), garbage, resnapshots, reconnects, s.lastError(),
                hubCatchingUpAt);
    }

    /** The hub this feed reads now (or tries next). */
    public String hub() {
        return baseUrls.get(current);
    }

    // --- on the worker thread ------------------------------------------------------------------

    private void connect() {
        if (closed) {
            return;
        }
        try {
            Situation s = latest;
            if (s == null && starting()) {
                retry("the hub is starting");
                return;
            }
            if (s == null || needSnapshot || hubCatchingUpAt != null) {
                s = snapshot(s != null && !needSnapshot);
                needSnapshot = false;
            }
            if (hubCatchingUpAt != null) {
                // the hub lives its morning, tens of thousands of events: a snapshot a second shows it for a fraction
                // of reading and folding each; the stream opens once the hub has reached its clock
                status = new FeedStatus(FeedStatus.State.LIVE, status.state() == FeedStatus.State.LIVE
                        ? status.since() : Instant.now(), 0, 0, 0, 0, null);
                attempt = 0;
                worker.schedule(this::connect, CATCH_UP_SNAPSHOT_MS, TimeUnit.MILLISECONDS);
                return;
            }
            openStream(s.seq());
        } catch (IOException | RuntimeException e) {
            retry(e.toString());
        }
    }

    /**
     * Whether the hub says it is still starting (health 503): its snapshot may not hold what it starts with yet, and
     * a wall showing it would show an empty district. Any other answer lets the snapshot be taken.
     */
    private boolean starting() throws IOException {
        Request request = new Request.Builder().url(hub() + "/api/v1/health").build();
        try (Response r = http.newCall(request).execute()) {
            if (r.code() == 200 || r.code() == 503) {
                String health = r.body().string();
                orderTiming = orderTimingOf(health, orderTiming);
                if (r.code() == 200) {
                    watchCatchUp(catchingUpAt(health));
                }
            }
            return r.code() == 503;
        }
    }

    /**
     * Keeps {@code hubClock} while the hub catches up: its health is asked again every second until it says it has
     * reached its clock (a wall opened beside a hub that lives its morning says how far behind it still is).
     */
    private void watchCatchUp(Instant clock) {
        boolean wasWatching = hubCatchingUpAt != null;
        hubCatchingUpAt = clock;
        if (clock != null && !wasWatching) {
            worker.schedule(this::askCatchUp, 1, TimeUnit.SECONDS);
        }
    }

    private void askCatchUp() {
        if (closed) {
            return;
        }
        Request request = new Request.Builder().url(hub() + "/api/v1/health").build();
        try (Response r = http.newCall(request).execute()) {
            if (r.code() == 200) {
                hubCatchingUpAt = catchingUpAt(r.body().string());
            }
        } catch (IOException | RuntimeException e) {
            // the hub is away: the connection state says so; ask again
        }
        if (hubCatchingUpAt != null && !closed) {
            worker.schedule(this::askCatchUp, 1, TimeUnit.SECONDS);
        }
    }

    /** The hub's clock when a health answer says the hub is catching up, else null (and from an older hub). */
    static Instant catchingUpAt(String health) {
        try {
            JsonNode h = Json.MAPPER.readTree(health);
            return h.path("catchingUp").asBoolean(false) && h.path("clock").isTextual()
                    ? Instant.parse(h.get("clock").asText()) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The order timing a health answer names, or {@code otherwise} when it names none that reads. */
    static DispatchOrder.Timing orderTimingOf(String health, DispatchOrder.Timing otherwise) {
        try {
            JsonNode t = Json.MAPPER.readTree(health).path("orderTiming");
            if (!t.path("deliverWithinSeconds").canConvertToLong() || !t.path("acceptWithinSeconds").canConvertToLong()
                    || !t.path("expireAfterSeconds").canConvertToLong()) {
                return otherwise;
            }
            return new DispatchOrder.Timing(Duration.ofSeconds(t.get("deliverWithinSeconds").asLong()),
                    Duration.ofSeconds(t.get("acceptWithinSeconds").asLong()),
                    Duration.ofSeconds(t.get("expireAfterSeconds").asLong()));
        } catch (IOException | RuntimeException e) {
            return otherwise;
        }
    }

    /** The hub's snapshot; {@code unlessHeld}: none sent (the one held kept) if the hub's is the one last taken. */
    private Situation snapshot(boolean unlessHeld) throws IOException {
        Request.Builder request = new Request.Builder().url(hub() + "/api/v1/snapshot")
                .header("Authorization", "Bearer " + token);
        String held = snapshotTag;
        if (unlessHeld && held != null) {
            request.header("If-None-Match", held);
        }
        try (Response r = http.newCall(request.build()).execute()) {
            if (r.code() == 304) {
                return latest;
            }
            if (r.code() != 200) {
                throw new IOException("snapshot: HTTP " + r.code() + " " + r.body().string());
            }
            Situation s = Json.readSnapshot(r.body().string());
            snapshotTag = r.header("ETag");
            publish(s);
            return s;
        }
    }

    private void openStream(long since) {
        Request request = new Request.Builder()
                .url(hub().replaceFirst("^http", "ws") + "/api/v1/stream?batch=true&since=" + since)
                .header("Authorization", "Bearer " + token).build();
        socket = http.newWebSocket(request, new Listener(++generation));
    }

    private void retry(String error) {
        if (closed) {
            return;
        }
        FeedStatus s = status;
        Instant since = s.state() == FeedStatus.State.LIVE || s.state() == FeedStatus.State.CONNECTING && latest != null
                ? Instant.now() : s.since();
        FeedStatus.State state = latest == null ? FeedStatus.State.CONNECTING : FeedStatus.State.RECONNECTING;
        if (s.state() == FeedStatus.State.LIVE) {
            reconnects++;
        }
        status = new FeedStatus(state, state == s.state() ? s.since() : since, 0, 0, 0, 0, error);
        current = (current + 1) % baseUrls.size(); // this hub failed: the next one, if there is another
        // until the first snapshot the wall has nothing to show: keep trying every quarter second, so that a wall
        // started beside its hub shows the hub's first answer at once
        long max = latest == null ? MIN_BACKOFF_MS : MAX_BACKOFF_MS;
        long ceiling = Math.min(max, MIN_BACKOFF_MS << Math.min(attempt++, 6));
        long delay = ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
        LOG.debug("hub feed: {}; retrying in {} ms", error, delay);
        worker.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    }

    /** Hands work to the worker thread, unless the feed is closed (its worker is gone then). */
    private void later(Runnable r) {
        if (!closed) {
            try {
                worker.execute(r);
            } catch (RejectedExecutionException e) {
                // closed meanwhile
            }
        }
    }

    private long seq() {
        Situation s = latest;
        return s == null ? 0 : s.seq();
    }

    private void publish(Situation s) {
        latest = s;
        version.incrementAndGet();
    }

    /** Called on okhttp's reader thread for this socket: frames arrive one at a time, in order. */
    private final class Listener extends WebSocketListener {

        private final int attemptOf;

        Listener(int generation) {
            this.attemptOf = generation;
        }

        private boolean current() {
            return attemptOf == generation;
        }

        @Override
        public void onOpen(WebSocket ws, Response response) {
            if (!current()) {
                return;
            }
            attempt = 0;
            status = new FeedStatus(FeedStatus.State.LIVE, Instant.now(), 0, 0, 0, 0, null);
        }

        @Override
        public void onMessage(WebSocket ws, String text) {
            if (!current()) {
                return; // a socket we already gave up on
            }
            List<Recorded> frames;
            try {
                frames = Json.readFrames(text);
            } catch (BadJson e) {
                garbage++;
                LOG.warn("hub feed: skipped an unreadable message ({}: {})", e.field(), e.getMessage());
                return;
            }
            // fold the whole message, publish once: a burst costs one new situation, not one per event
            Situation s = latest;
            Situation folded = s;
            for (Recorded r : frames) {
                if (r.seq() <= folded.seq()) {
                    continue; // already folded (a resume overlapping what we have)
                }
                if (r.seq() > folded.seq() + 1) {
                    publishIfNew(s, folded);
                    resync(ws, "gap: expected seq " + (folded.seq() + 1) + ", got " + r.seq());
                    return;
                }
                try {
                    folded = folded.apply(r);
                } catch (RuntimeException e) { // a Rejection, or anything else the fold refuses
                    publishIfNew(s, folded);
                    resync(ws, "frame " + r.seq() + " does not fold here: " + e.getMessage());
                    return;
                }
            }
            publishIfNew(s, folded);
        }

        private void publishIfNew(Situation before, Situation after) {
            if (after != before) {
                publish(after);
            }
        }

        @Override
        public void onClosing(WebSocket ws, int code, String reason) {
            ws.close(1000, null);
            if (!current()) {
                return;
            }
            if (StreamClose.of(code, reason).orElse(null) == StreamClose.BEYOND_HEAD) {
                // the hub's journal is behind us (a different or reset hub): start over from its snapshot
                needSnapshot = true;
            }
            later(() -> retry("stream closed: " + code + " " + reason));
        }

        @Override
        public void onFailure(WebSocket ws, Throwable t, Response response) {
            if (!current()) {
                return;
            }
            later(() -> retry("stream failed: " + (response != null ? "HTTP " + response.code() + " " : "")
                    + t));
        }

        private void resync(WebSocket ws, String why) {
            LOG.warn("hub feed: {}; taking a new snapshot", why);
            resnapshots++;
            needSnapshot = true;
            generation++;
            ws.cancel();
            later(() -> retry(why));
        }
    }

    @Override
    public void close() {
        closed = true;
        WebSocket ws = socket;
        if (ws != null) {
            ws.close(1000, "closing");
        }
        worker.shutdownNow();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
