package org.shanzhi.cockpit.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.SocketFactory;

import okhttp3.Dispatcher;
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
 * {@code hub.e2e.*}: a hub in its own JVM ({@link ChildHub}: H2 journal in a temporary directory)
 * with {@value #SUBSCRIBERS} WebSocket subscribers and {@value #CALLERS} ingest callers POSTing
 * batches of {@value #BATCH} moves and readings from this JVM, as walls and outside systems do. The
 * latency of an event is the time its frame reached a subscriber less the time its batch was posted
 * (both {@link System#nanoTime} in this JVM); batches are found by the seq range the ingest answer names.
 *
 * <p>Two phases: saturated (every caller posts its next batch as soon as the last is answered),
 * which gives the throughput, and paced at the target rate, which gives the latencies.
 *
 * <p>{@code hub.fanout.*}: the same kind of hub with {@value #PHONES} units' phones (each on its unit's
 * own token, so it is sent only what concerns its unit) and {@value #FANOUT_VIEWERS} walls and desks
 * (every frame), all batched as the field page and the wall ask, while the callers post
 * {@value #FANOUT_BATCH} moves every 10 ms ({@value #FANOUT_RATE} events/s).
 */
final class E2eBench {

    static final int SUBSCRIBERS = 10;
    static final int CALLERS = 4;
    static final int BATCH = 200;
    static final double TARGET_RATE = 20_000;
    static final long WARM_EVENTS = 100_000;
    static final int PHONES = SyntheticHeyi.UNITS;
    static final int FANOUT_VIEWERS = 200 - PHONES;
    static final int FANOUT_BATCH = 10;
    static final double FANOUT_RATE = 1_000;
    private static final MediaType JSON = MediaType.get("application/json");

    private final boolean quick;
    private final OkHttpClient http;

    E2eBench(boolean quick) {
        this.quick = quick;
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(1000);
        dispatcher.setMaxRequestsPerHost(1000);
        this.http = new OkHttpClient.Builder().readTimeout(60, TimeUnit.SECONDS).dispatcher(dispatcher)
                .socketFactory(new NoDelaySockets()).pingInterval(Duration.ZERO).build();
    }

    /**
     * Sockets that send at once (TCP_NODELAY), as a caller that cares for latency sets them: with Nagle's
     * rule, okhttp's last piece of a request can wait for the hub's delayed ACK (up to 40 ms on Linux).
     */
    private static final class NoDelaySockets extends SocketFactory {
        @Override
        public Socket createSocket() throws SocketException {
            Socket s = new Socket();
            s.setTcpNoDelay(true);
            return s;
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return connected(new InetSocketAddress(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
            return connected(new InetSocketAddress(host, port));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return connected(new InetSocketAddress(host, port));
        }

        @Override
        public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort) throws IOException {
            return connected(new InetSocketAddress(host, port));
        }

        private Socket connected(InetSocketAddress to) throws IOException {
            Socket s = createSocket();
            s.connect(to);
            return s;
        }
    }

    /** A pre-made ingest body and the unit each of its events moves (null: a reading). */
    private record Body(byte[] json, String[] units) {
    }

    /** One phase's posts: first seq → {last seq, nanos posted}. */
    private record Posted(ConcurrentSkipListMap<Long, long[]> batches, long firstNanos, long lastNanos,
                          long events) {
    }

    /** What the callers have had accepted so far: the head, and each unit's last move. */
    private static final class Accepted {
        final AtomicLong head = new AtomicLong();
        final Map<String, Long> lastOfUnit = new ConcurrentHashMap<>();

        void add(Body body, long first, long last) {
            head.accumulateAndGet(last, Math::max);
            for (int i = 0; i < body.units().length; i++) {
                if (body.units()[i] != null) {
                    lastOfUnit.merge(body.units()[i], first + i, Math::max);
                }
            }
        }
    }

    void run(Figures figures) throws Exception {
        figures.put("hub.e2e.writer_events_per_s", writer(), 0, "events/s");
        List<Subscriber> subs = new ArrayList<>();
        try (ChildHub hub = ChildHub.start()) {
            Accepted accepted = new Accepted();
            ingestInventory(hub, accepted);
            Body[] bodies = bodies(quick ? 200 : 1000, BATCH, 0.1);
            for (int i = 0; i < SUBSCRIBERS; i++) {
                subs.add(new Subscriber(hub, hub.token(Role.VIEWER), accepted.head.get(), null));
            }
            awaitOpen(subs);
            Duration warm = Duration.ofMillis(quick ? 500 : 5000);
            Duration phase = Duration.ofMillis(quick ? 1500 : 10_000);

            warmUp(hub, bodies, warm, accepted);
            drain(accepted, subs);
            subs.forEach(Subscriber::reset);

            double cpu0 = hub.cpuMs();
            Posted saturated = post(hub, bodies, phase, 0, CALLERS, accepted);
            double[] sat = evaluate("e2e saturated", saturated, drain(accepted, subs), subs);
            double cpuPerEvent = (hub.cpuMs() - cpu0) * 1000 / saturated.events();
            subs.forEach(Subscriber::reset);

            cpu0 = hub.cpuMs();
            Posted paced = post(hub, bodies, phase, TARGET_RATE, CALLERS, accepted);
            double[] pac = evaluate("e2e paced", paced, drain(accepted, subs), subs);
            Figures.note("e2e: the hub's CPU per event {} µs saturated, {} µs paced", String.format("%.1f", cpuPerEvent),
                    String.format("%.1f", (hub.cpuMs() - cpu0) * 1000 / paced.events()));

            figures.put("hub.e2e.events_per_s", sat[0], 0, "events/s");
            figures.put("hub.e2e.p50_ms", pac[1], 1, "ms");
            figures.put("hub.e2e.p99_ms", pac[2], 1, "ms");
            figures.put("hub.e2e.paced_events_per_s", pac[0], 0, "events/s");
            figures.put("hub.e2e.saturated_p99_ms", sat[2], 1, "ms");
            figures.put("hub.e2e.hub_cpu_us_per_event", cpuPerEvent, 1, "µs");
        } finally {
            subs.forEach(Subscriber::close);
            shutdown();
        }
    }

    /** {@code hub.fanout.*}: 200 stream clients while {@value #FANOUT_RATE} events/s come in. */
    void fanout(Figures figures) throws Exception {
        List<Subscriber> subs = new ArrayList<>();
        try (ChildHub hub = ChildHub.start()) {
            Accepted accepted = new Accepted();
            List<String> units = ingestInventory(hub, accepted);
            Body[] bodies = bodies(quick ? 200 : 2000, FANOUT_BATCH, 0);
            for (String unit : units.subList(0, PHONES)) {
                subs.add(new Subscriber(hub, unitToken(hub, unit), accepted.head.get(), unit));
            }
            for (int i = 0; i < FANOUT_VIEWERS; i++) {
                subs.add(new Subscriber(hub, hub.token(Role.VIEWER), accepted.head.get(), null));
            }
            awaitOpen(subs);
            post(hub, bodies, Duration.ofMillis(quick ? 500 : 3000), FANOUT_RATE, CALLERS, accepted);
            drain(accepted, subs);
            subs.forEach(Subscriber::reset);
            double cpu0 = hub.cpuMs();
            Posted paced = post(hub, bodies, Duration.ofMillis(quick ? 1500 : 20_000), FANOUT_RATE, CALLERS, accepted);
            double[] pac = evaluate("fanout", paced, drain(accepted, subs), subs);
            Figures.note("fanout: the hub used {} ms of CPU per second", Math.round((hub.cpuMs() - cpu0) * 1e9
                    / (System.nanoTime() - paced.firstNanos())));
            figures.put("hub.fanout.p50_ms", pac[1], 1, "ms");
            figures.put("hub.fanout.p99_ms", pac[2], 1, "ms");
        } finally {
            subs.forEach(Subscriber::close);
            shutdown();
        }
    }

    /**
     * As fast as answered for {@code length} and until {@value #WARM_EVENTS} events were accepted (at most a
     * minute), so that the hub's JIT has compiled the ingest path before anything is measured, busy machine or not.
     */
    private void warmUp(ChildHub hub, Body[] bodies, Duration length, Accepted accepted) throws InterruptedException {
        long events = 0;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        do {
            events += post(hub, bodies, length, 0, CALLERS, accepted).events();
        } while (!quick && events < WARM_EVENTS && System.nanoTime() < deadline);
        Figures.note("e2e warm-up: {} events", events);
    }

    private void shutdown() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    private static void awaitOpen(List<Subscriber> subs) throws InterruptedException {
        for (Subscriber s : subs) {
            if (!s.open.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("a subscriber did not connect: " + s.failure);
            }
            if (s.failure != null) {
                throw new IllegalStateException("a subscriber failed", s.failure);
            }
        }
    }

    /** The synthetic Heyi inventory, through the ingest API as an outside system sends it; returns the units' ids. */
    private List<String> ingestInventory(ChildHub hub, Accepted accepted) throws IOException {
        List<Event> events = SyntheticHeyi.inventory(1);
        List<String> units = new ArrayList<>();
        for (int from = 0; from < events.size(); from += 1000) {
            List<Map<String, Object>> batch = new ArrayList<>();
            for (Event e : events.subList(from, Math.min(events.size(), from + 1000))) {
                batch.add(Map.of("type", Json.typeOf(e), "payload", e));
                if (e instanceof Event.UnitRegistered u) {
                    units.add(u.unit().id());
                }
            }
            byte[] json = Json.write(Map.of("events", batch)).getBytes(StandardCharsets.UTF_8);
            long[] seqs = ingest(hub, json);
            accepted.add(new Body(json, new String[0]), seqs[0], seqs[1]);
        }
        return units;
    }

    /** The unit's own token, issued by the leader as the field page gets it. */
    private String unitToken(ChildHub hub, String unit) throws IOException {
        Request req = new Request.Builder().url(hub.baseUrl() + "/api/v1/units/" + unit + "/credential")
                .header("Authorization", "Bearer " + hub.token(Role.LEADER))
                .post(RequestBody.create(new byte[0], JSON)).build();
        try (Response r = http.newCall(req).execute()) {
            String answer = r.body().string();
            if (r.code() != 201) {
                throw new IllegalStateException("credential answered " + r.code() + ": " + answer);
            }
            return Json.readTree(answer.getBytes(StandardCharsets.UTF_8)).get("token").asText();
        }
    }

    /** Posts one body; returns {first seq, last seq} of the answer. */
    private long[] ingest(ChildHub hub, byte[] body) throws IOException {
        Request req = new Request.Builder().url(hub.baseUrl() + "/api/v1/ingest")
                .header("Authorization", "Bearer " + hub.token(Role.INGEST))
                .post(RequestBody.create(body, JSON)).build();
        try (Response r = http.newCall(req).execute()) {
            String answer = r.body().string();
            if (r.code() != 200) {
                throw new IllegalStateException("ingest answered " + r.code() + ": " + answer);
            }
            return new long[] {longAfter(answer, "\"firstSeq\":"), longAfter(answer, "\"lastSeq\":")};
        }
    }

    /**
     * The writer alone, in this JVM: {@link Hub#append} of batches of {@value #BATCH} from one thread, with
     * the audit entry an ingest call writes, no subscriber or HTTP: fold, JSON and journal insert.
     */
    private double writer() throws IOException {
        Path dir = Files.createTempDirectory("shanzhi-bench-writer");
        try (HubRuntime runtime = HubRuntime.start(HubRuntime.Config.local(dir))) {
            Hub hub = runtime.hub();
            List<Hub.Pending> inventory = new ArrayList<>();
            for (Event e : SyntheticHeyi.inventory(1)) {
                inventory.add(new Hub.Pending(null, e));
            }
            hub.appendEach(inventory, "bench");
            return writer(hub);
        } finally {
            TempDirs.delete(dir);
        }
    }

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

    /** Pre-made ingest bodies of {@code size} moves and readings (no time: the hub stamps them). */
    private static Body[] bodies(int count, int size, double readingShare) {
        SyntheticDay day = new SyntheticDay(3, Instant.EPOCH, Duration.ofHours(1), (long) count * size, 0, 0,
                readingShare, "");
        Body[] out = new Body[count];
        for (int b = 0; b < count; b++) {
            List<Map<String, Object>> events = new ArrayList<>(size);
            String[] units = new String[size];
            for (int i = 0; i < size; i++) {
                Event e = day.next().event();
                if (e instanceof Event.UnitMoved m) {
                    units[i] = m.unitId();
                }
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("type", Json.typeOf(e));
                m.put("payload", e);
                events.add(m);
            }
            out[b] = new Body(Json.write(Map.of("events", events)).getBytes(StandardCharsets.UTF_8), units);
        }
        return out;
    }

    /** {@code callers} callers for {@code length}; {@code rate} events/s in all, or 0 for as fast as answered. */
    private Posted post(ChildHub hub, Body[] bodies, Duration length, double rate, int callers, Accepted accepted)
            throws InterruptedException {
        ConcurrentSkipListMap<Long, long[]> batches = new ConcurrentSkipListMap<>();
        AtomicLong next = new AtomicLong();
        AtomicLong events = new AtomicLong();
        AtomicLong lastPost = new AtomicLong();
        long start = System.nanoTime();
        long end = start + length.toNanos();
        double nanosPerBatch = rate > 0 ? 1e9 * bodies[0].units().length / rate : 0;
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        for (int c = 0; c < callers; c++) {
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
                        Body body = bodies[(int) (n % bodies.length)];
                        long posted = System.nanoTime();
                        long[] seqs = ingest(hub, body.json());
                        batches.put(seqs[0], new long[] {seqs[1], posted});
                        accepted.add(body, seqs[0], seqs[1]);
                        events.addAndGet(seqs[1] - seqs[0] + 1);
                        lastPost.accumulateAndGet(posted, Math::max);
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

    /** Waits until every subscriber has the last frame meant for it; returns the nanos the last one got it. */
    private static long drain(Accepted accepted, List<Subscriber> subs) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        for (Subscriber s : subs) {
            long until = s.unit == null ? accepted.head.get() : accepted.lastOfUnit.getOrDefault(s.unit, 0L);
            while (s.last < until) {
                if (s.failure != null) {
                    throw new IllegalStateException("a subscriber failed", s.failure);
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("a subscriber is stuck at " + s.last + " of " + until);
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
        Figures.note("{}: {} events in {} batches, ingest {} events/s, delivered to all {} subscribers at {}"
                        + " events/s; {} latencies p50 {} ms, p90 {} ms, p99 {} ms, max {} ms", name, p.events(),
                p.batches().size(), Math.round(postRate), subs.size(), Math.round(rate), k,
                String.format("%.1f", p50), String.format("%.1f", Figures.quantile(lat, k, 0.90) / 1e6),
                String.format("%.1f", p99), String.format("%.1f", k == 0 ? Double.NaN : lat[k - 1] / 1e6));
        if (k != total) {
            Figures.note("{}: {} deliveries, {} of them matched to a post", name, total, k);
        }
        return new double[] {rate, p50, p99};
    }

    private static final String SEQ = "{\"seq\":";

    /** A stream subscriber that keeps (seq, nanos received) of every frame, reading only the seq. */
    private final class Subscriber extends WebSocketListener {
        final CountDownLatch open = new CountDownLatch(1);
        final WebSocket socket;
        volatile Throwable failure;
        volatile long last;
        volatile long lastAt;
        long[] seqs = new long[1 << 16];
        long[] nanos = new long[1 << 16];
        int n;

        /** The unit whose own token this subscriber holds (sent only what concerns it), or null for all frames. */
        final String unit;

        Subscriber(ChildHub hub, String token, long since, String unit) {
            Request req = new Request.Builder().url(hub.wsUrl() + "/api/v1/stream?batch=true&since=" + since)
                    .header("Authorization", "Bearer " + token).build();
            this.unit = unit;
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
