package org.shanzhi.cockpit.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.hub.Hub;
import org.shanzhi.cockpit.hub.HubRuntime;
import org.shanzhi.cockpit.hub.Role;
import org.shanzhi.cockpit.json.Json;

/**
 * {@code hub.e2e.*}: a real hub (H2 journal in a temporary directory) with {@value #SUBSCRIBERS}
 * WebSocket subscribers and {@value #CALLERS} ingest callers POSTing batches of {@value #BATCH}
 * moves and readings, all in this JVM. The latency of an event is the time its frame reached a
 * subscriber less the time its batch was posted (both {@link System#nanoTime}); batches are
 * found by the seq range the ingest answer names.
 *
 * <p>Two phases: saturated (every caller posts its next batch as soon as the last is answered),
 * which gives the throughput, and paced at the target rate, which gives the latencies.
 */
final class E2eBench {

    static final int SUBSCRIBERS = 10;
    static final int CALLERS = 4;
    static final int BATCH = 200;
    static final double TARGET_RATE = 20_000;
    private static final MediaType JSON = MediaType.get("application/json");

    private final boolean quick;
    private final OkHttpClient http = new OkHttpClient.Builder().readTimeout(60, TimeUnit.SECONDS)
            .pingInterval(Duration.ZERO).build();

    E2eBench(boolean quick) {
        this.quick = quick;
    }

    /** One phase's posts: first seq → {last seq, nanos posted}. */
    private record Posted(ConcurrentSkipListMap<Long, long[]> batches, long firstNanos, long lastNanos,
                          long events) {
    }

    void run(Figures figures) throws Exception {
        Path dir = Files.createTempDirectory("shanzhi-bench-e2e");
        List<Subscriber> subs = new ArrayList<>();
        try (HubRuntime runtime = HubRuntime.start(HubRuntime.Config.local(dir))) {
            Hub hub = runtime.hub();
            List<Hub.Pending> inventory = new ArrayList<>();
            for (Event e : SyntheticHeyi.inventory(1)) {
                inventory.add(new Hub.Pending(null, e));
            }
            hub.appendEach(inventory, "bench");
            byte[][] bodies = bodies(quick ? 200 : 1000);
            figures.put("hub.e2e.writer_events_per_s", writer(hub), 0, "events/s");
            String ingestToken = runtime.tokens().tokenOf(Role.INGEST);
            for (int i = 0; i < SUBSCRIBERS; i++) {
                subs.add(new Subscriber(runtime, hub.head()));
            }
            for (Subscriber s : subs) {
                if (!s.open.await(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("a subscriber did not connect: " + s.failure);
                }
            }
            Duration warm = Duration.ofMillis(quick ? 500 : 5000);
            Duration phase = Duration.ofMillis(quick ? 1500 : 10_000);

            post(runtime, ingestToken, bodies, warm, 0);
            drain(hub, subs);
            subs.forEach(Subscriber::reset);

            Posted saturated = post(runtime, ingestToken, bodies, phase, 0);
            double[] sat = evaluate("saturated", saturated, drain(hub, subs), subs);
            subs.forEach(Subscriber::reset);

            Posted paced = post(runtime, ingestToken, bodies, phase, TARGET_RATE);
            double[] pac = evaluate("paced", paced, drain(hub, subs), subs);

            figures.put("hub.e2e.events_per_s", sat[0], 0, "events/s");
            figures.put("hub.e2e.p50_ms", pac[1], 1, "ms");
            figures.put("hub.e2e.p99_ms", pac[2], 1, "ms");
            figures.put("hub.e2e.paced_events_per_s", pac[0], 0, "events/s");
            figures.put("hub.e2e.saturated_p99_ms", sat[2], 1, "ms");
        } finally {
            subs.forEach(Subscriber::close);
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
            TempDirs.delete(dir);
        }
    }

    /**
     * The writer alone: {@link Hub#append} of batches of {@value #BATCH} from one thread, with the
     * audit entry an ingest call writes, before any subscriber or HTTP: fold, JSON and journal insert.
     */
    private double writer(Hub hub) {
        SyntheticDay day = new SyntheticDay(5, Instant.EPOCH, Duration.ofHours(1), 50L * BATCH, 0, 0, 0.1, "");
        List<List<Hub.Pending>> batches = new ArrayList<>();
        for (int b = 0; b < 50; b++) {
            List<Hub.Pending> batch = new ArrayList<>(BATCH);
            for (int i = 0; i < BATCH; i++) {
                batch.add(new Hub.Pending(null, day.next().event()));
            }
            batches.add(batch);
        }
        Hub.Origin origin = new Hub.Origin("ingest", Role.INGEST, "ingest", BATCH + " events", null, "bench");
        double rate = 0;
        for (long length : new long[] {quick ? 300 : 2000, quick ? 500 : 3000}) { // warm-up, then measured
            long events = 0;
            long t0 = System.nanoTime();
            long end = t0 + TimeUnit.MILLISECONDS.toNanos(length);
            for (int b = 0; System.nanoTime() < end; b++) {
                events += hub.append(batches.get(b % batches.size()), origin).size();
            }
            rate = events * 1e9 / (System.nanoTime() - t0);
        }
        Figures.note("e2e writer alone (Hub.append of {} from one thread): {} events/s", BATCH, Math.round(rate));
        return rate;
    }

    /** Pre-made ingest bodies of {@value #BATCH} moves and readings (no time: the hub stamps them). */
    private static byte[][] bodies(int count) {
        SyntheticDay day = new SyntheticDay(3, Instant.EPOCH, Duration.ofHours(1), (long) count * BATCH, 0, 0, 0.1,
                "");
        byte[][] out = new byte[count][];
        for (int b = 0; b < count; b++) {
            List<Map<String, Object>> events = new ArrayList<>(BATCH);
            for (int i = 0; i < BATCH; i++) {
                Event e = day.next().event();
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("type", Json.typeOf(e));
                m.put("payload", e);
                events.add(m);
            }
            out[b] = Json.write(Map.of("events", events)).getBytes(StandardCharsets.UTF_8);
        }
        return out;
    }

    /** {@value #CALLERS} callers for {@code length}; {@code rate} events/s in all, or 0 for as fast as answered. */
    private Posted post(HubRuntime runtime, String token, byte[][] bodies, Duration length, double rate)
            throws InterruptedException {
        ConcurrentSkipListMap<Long, long[]> batches = new ConcurrentSkipListMap<>();
        AtomicLong next = new AtomicLong();
        AtomicLong events = new AtomicLong();
        AtomicLong lastPost = new AtomicLong();
        long start = System.nanoTime();
        long end = start + length.toNanos();
        double nanosPerBatch = rate > 0 ? 1e9 * BATCH / rate : 0;
        String url = runtime.baseUrl() + "/api/v1/ingest";
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        for (int c = 0; c < CALLERS; c++) {
            Thread t = new Thread(() -> {
                try {
                    while (true) {
                        long n = next.getAndIncrement();
                        if (rate > 0) {
                            long due = start + (long) (n * nanosPerBatch);
                            long wait = due - System.nanoTime();
                            if (due >= end || System.nanoTime() >= end) {
                                return; // done, or too far behind the pace to catch up
                            }
                            if (wait > 0) {
                                TimeUnit.NANOSECONDS.sleep(wait);
                            }
                        } else if (System.nanoTime() >= end) {
                            return;
                        }
                        byte[] body = bodies[(int) (n % bodies.length)];
                        Request req = new Request.Builder().url(url).header("Authorization", "Bearer " + token)
                                .post(RequestBody.create(body, JSON)).build();
                        long posted = System.nanoTime();
                        try (Response r = http.newCall(req).execute()) {
                            String answer = r.body().string();
                            if (r.code() != 200) {
                                throw new IllegalStateException("ingest answered " + r.code() + ": " + answer);
                            }
                            long first = longAfter(answer, "\"firstSeq\":");
                            long last = longAfter(answer, "\"lastSeq\":");
                            batches.put(first, new long[] {last, posted});
                            events.addAndGet(last - first + 1);
                            lastPost.accumulateAndGet(posted, Math::max);
                        }
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }, "bench-ingest-" + c);
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("an ingest caller failed", failures.get(0));
        }
        return new Posted(batches, start, lastPost.get(), events.get());
    }

    private static long longAfter(String s, String key) {
        return digitsAt(s, s.indexOf(key) + key.length());
    }

    private static long digitsAt(String s, int i) {
        int j = i;
        while (j < s.length() && Character.isDigit(s.charAt(j))) {
            j++;
        }
        return Long.parseLong(s.substring(i, j));
    }

    /** Waits until every subscriber has the head; returns the nanos the last one got it. */
    private static long drain(Hub hub, List<Subscriber> subs) throws InterruptedException {
        long head = hub.head();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        for (Subscriber s : subs) {
            while (s.last < head) {
                if (s.failure != null) {
                    throw new IllegalStateException("a subscriber failed", s.failure);
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("a subscriber is stuck at " + s.last + " of " + head);
                }
                Thread.sleep(2);
            }
        }
        long lastAt = 0;
        for (Subscriber s : subs) {
            lastAt = Math.max(lastAt, s.lastAt);
        }
        return lastAt;
    }

    /** {delivered events/s, p50 ms, p99 ms} of a phase. */
    private static double[] evaluate(String name, Posted p, long deliveredAt, List<Subscriber> subs) {
        int total = 0;
        for (Subscriber s : subs) {
            synchronized (s) {
                total += s.n;
            }
        }
        long[] lat = new long[total];
        int k = 0;
        for (Subscriber s : subs) {
            synchronized (s) {
                for (int i = 0; i < s.n && k < total; i++) {
                    Map.Entry<Long, long[]> b = p.batches().floorEntry(s.seqs[i]);
                    if (b != null && s.seqs[i] <= b.getValue()[0]) {
                        lat[k++] = s.nanos[i] - b.getValue()[1];
                    }
                }
            }
        }
        Arrays.sort(lat, 0, k);
        double rate = p.events() * 1e9 / (deliveredAt - p.firstNanos());
        double postRate = p.events() * 1e9 / (p.lastNanos() - p.firstNanos());
        double p50 = Figures.quantile(lat, k, 0.50) / 1e6;
        double p99 = Figures.quantile(lat, k, 0.99) / 1e6;
        Figures.note("e2e {}: {} events in {} batches, ingest {} events/s, delivered to all {} subscribers at {}"
                        + " events/s; {} latencies p50 {} ms, p90 {} ms, p99 {} ms, max {} ms", name, p.events(),
                p.batches().size(), Math.round(postRate), subs.size(), Math.round(rate), k,
                String.format("%.1f", p50), String.format("%.1f", Figures.quantile(lat, k, 0.90) / 1e6),
                String.format("%.1f", p99), String.format("%.1f", k == 0 ? Double.NaN : lat[k - 1] / 1e6));
        if (k != p.events() * subs.size()) {
            Figures.note("e2e {}: expected {} deliveries, matched {}", name, p.events() * subs.size(), k);
        }
        return new double[] {rate, p50, p99};
    }

    /** A stream subscriber that keeps (seq, nanos received) of every frame, reading only the seq. */
    private static final String SEQ = "{\"seq\":";

    private final class Subscriber extends WebSocketListener {
        final CountDownLatch open = new CountDownLatch(1);
        final WebSocket socket;
        volatile Throwable failure;
        volatile long last;
        volatile long lastAt;
        long[] seqs = new long[1 << 16];
        long[] nanos = new long[1 << 16];
        int n;

        Subscriber(HubRuntime runtime, long since) {
            Request req = new Request.Builder()
                    .url("ws://127.0.0.1:" + runtime.port() + "/api/v1/stream?batch=true&since=" + since)
                    .header("Authorization", "Bearer " + runtime.tokens().tokenOf(Role.VIEWER)).build();
            this.last = since;
            this.socket = http.newWebSocket(req, this);
        }

        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            open.countDown();
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            long t = System.nanoTime();
            long seq = last;
            // a batched message is an array of frames: every frame's seq arrived now
            for (int at = text.indexOf(SEQ); at >= 0; at = text.indexOf(SEQ, at + 1)) {
                seq = digitsAt(text, at + SEQ.length());
                synchronized (this) {
                    if (n == seqs.length) {
                        seqs = Arrays.copyOf(seqs, n * 2);
                        nanos = Arrays.copyOf(nanos, n * 2);
                    }
                    seqs[n] = seq;
                    nanos[n] = t;
                    n++;
                }
            }
            lastAt = t;
            last = seq;
        }

        synchronized void reset() {
            n = 0;
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable t, Response response) {
            failure = t;
            open.countDown();
        }

        void close() {
            socket.close(1000, "bench done");
        }
    }
}
