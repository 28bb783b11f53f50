package org.shanzhi.cockpit.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.feed.HubFeed;
import org.shanzhi.cockpit.hub.Hub;
import org.shanzhi.cockpit.hub.HubRuntime;
import org.shanzhi.cockpit.hub.Role;
import org.shanzhi.cockpit.json.Json;
import org.shanzhi.cockpit.wall.I18n;
import org.shanzhi.cockpit.wall.Wall;
import org.shanzhi.cockpit.wall.WallContext;
import org.shanzhi.cockpit.wall.layout.LayoutLoader;

/**
 * {@code bench --only soak --soak-minutes N}: the hub and the wall each taking {@value #RATE} events/s (moves and
 * readings of the synthetic Heyi inventory, batches of {@value #BATCH} every 10 ms) for N minutes, side by side.
 *
 * <ul>
 * <li>{@code hub.soak.*}: a hub in its own JVM ({@link ChildHub}), fed through the ingest API, with
 * {@value #VIEWERS} stream subscribers reading every frame; sampled from outside ({@code jcmd GC.run}, {@code jcmd
 * GC.heap_info}, /proc).</li>
 * <li>{@code wall.soak.*}: the real {@link Wall} (laptop layout, headless software rendering) in this process,
 * reading an embedded hub through a real {@link HubFeed}, the hub fed with {@link Hub#append}; the whole process
 * sampled (it also holds the hub soak's clients).</li>
 * </ul>
 * At the end of every minute: heap used after full GCs, resident set (VmRSS) and the process's threads (native ones
 * included). The figures compare the last minute with the end of the warm-up (the first sixth of the run, at least a
 * minute), and give the heap's trend from the warm-up on (a least-squares line, MB an hour); the series goes to the
 * log.
 */
final class SoakBench {

    static final int RATE = 1_000;
    static final int BATCH = 10;
    static final int VIEWERS = 10;
    private static final long PERIOD_NANOS = 1_000_000_000L * BATCH / RATE;
    private static final MediaType JSON = MediaType.get("application/json");
    private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total \\d+K, used (\\d+)K");

    private final int minutes;
    private final long sampleMillis;

    /** @param quick samples every 10 s instead of every minute (a smoke test) */
    SoakBench(int minutes, boolean quick) {
        this.minutes = minutes;
        this.sampleMillis = quick ? 10_000 : 60_000;
    }

    /** Runs the hub's soak, the wall's, or both side by side. */
    void run(Figures figures, boolean withHub, boolean withWall) throws Exception {
        Figures.note("soak: {} samples {} s apart, {} at {} events/s each", minutes, sampleMillis / 1000,
                withHub && withWall ? "hub and wall side by side" : withHub ? "hub" : "wall", RATE);
        CompletableFuture<Map<String, double[]>> hub = !withHub ? null : CompletableFuture.supplyAsync(() -> {
            try {
                return hub();
            } catch (Exception e) {
                Figures.LOG.error("the hub soak failed", e); // now, not when the wall's soak is over
                throw new IllegalStateException("the hub soak failed", e);
            }
        });
        if (withWall) {
            put(figures, "wall.soak", wall());
        }
        if (withHub) {
            put(figures, "hub.soak", hub.get());
        }
    }

    // --- the hub in its own JVM --------------------------------------------------------------------

    private Map<String, double[]> hub() throws Exception {
        OkHttpClient http = new OkHttpClient.Builder().readTimeout(60, TimeUnit.SECONDS).build();
        List<WebSocket> viewers = new ArrayList<>();
        try (ChildHub hub = ChildHub.start()) {
            long pid = hub.pid();
            for (byte[] body : inventoryBodies()) {
                post(http, hub, body);
            }
            byte[][] bodies = bodies(2000);
            AtomicLong received = new AtomicLong();
            for (int i = 0; i < VIEWERS; i++) {
                Request req = new Request.Builder().url(hub.wsUrl() + "/api/v1/stream?batch=true")
                        .header("Authorization", "Bearer " + hub.token(Role.VIEWER)).build();
                viewers.add(http.newWebSocket(req, new WebSocketListener() {
                    @Override
                    public void onMessage(WebSocket socket, String text) {
                        received.incrementAndGet();
                    }
                }));
            }
            Series series = new Series("hub soak");
            Pacer pacer = new Pacer();
            for (int m = 0; m < minutes; m++) {
                pacer.until(m + 1, n -> post(http, hub, bodies[(int) (n % bodies.length)]));
                series.add(m, heapAfterGcMb(pid), status(pid, "VmRSS") / 1024.0, status(pid, "Threads"),
                        pacer.rate(), pacer.late() + " batches late so far, " + received.get()
                                + " messages to the viewers");
            }
            return series.values;
        } finally {
            viewers.forEach(v -> v.close(1000, "bench done"));
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    private static void post(OkHttpClient http, ChildHub hub, byte[] body) throws Exception {
        Request req = new Request.Builder().url(hub.baseUrl() + "/api/v1/ingest")
                .header("Authorization", "Bearer " + hub.token(Role.INGEST))
                .post(RequestBody.create(body, JSON)).build();
        try (Response r = http.newCall(req).execute()) {
            if (r.code() != 200) {
                throw new IllegalStateException("ingest answered " + r.code() + ": " + r.body().string());
            }
        }
    }

    /** The synthetic inventory as ingest bodies of at most 1,000 events (the most one call takes). */
    private static List<byte[]> inventoryBodies() {
        List<Event> inventory = SyntheticHeyi.inventory(1);
        List<byte[]> out = new ArrayList<>();
        for (int from = 0; from < inventory.size(); from += 1000) {
            List<Map<String, Object>> events = new ArrayList<>();
            for (Event e : inventory.subList(from, Math.min(inventory.size(), from + 1000))) {
                events.add(Map.of("type", Json.typeOf(e), "payload", e));
            }
            out.add(Json.write(Map.of("events", events)).getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    /** Ingest bodies of {@value #BATCH} moves and readings, made beforehand and posted in turn. */
    private static byte[][] bodies(int count) {
        List<List<Hub.Pending>> batches = batches(count);
        byte[][] out = new byte[count][];
        for (int b = 0; b < count; b++) {
            List<Map<String, Object>> events = new ArrayList<>();
            for (Hub.Pending p : batches.get(b)) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("type", Json.typeOf(p.event()));
                m.put("payload", p.event());
                events.add(m);
            }
            out[b] = Json.write(Map.of("events", events)).getBytes(StandardCharsets.UTF_8);
        }
        return out;
    }

    /** Batches of {@value #BATCH} moves and readings without a time (the hub stamps them). */
    private static List<List<Hub.Pending>> batches(int count) {
        SyntheticDay day = new SyntheticDay(7, Instant.EPOCH, Duration.ofHours(1), (long) count * BATCH, 0, 0, 0.1, "");
        List<List<Hub.Pending>> out = new ArrayList<>(count);
        for (int b = 0; b < count; b++) {
            List<Hub.Pending> batch = new ArrayList<>(BATCH);
            for (int i = 0; i < BATCH; i++) {
                batch.add(new Hub.Pending(null, day.next().event()));
            }
            out.add(batch);
        }
        return out;
    }

    /** Heap used after a full GC, asked of another JVM with jcmd. */
    private static double heapAfterGcMb(long pid) throws Exception {
        jcmd(pid, "GC.run");
        Matcher m = HEAP_USED.matcher(jcmd(pid, "GC.heap_info"));
        if (!m.find()) {
            throw new IllegalStateException("no heap use in jcmd " + pid + " GC.heap_info");
        }
        return Long.parseLong(m.group(1)) / 1024.0;
    }

    private static String jcmd(long pid, String command) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + pid + " " + command + " failed: " + out);
        }
        return out;
    }

    // --- the wall in this process ------------------------------------------------------------------

    private Map<String, double[]> wall() throws Exception {
        WallBench.startToolkit();
        Path dir = Files.createTempDirectory("shanzhi-bench-soak-wall");
        try (HubRuntime runtime = HubRuntime.start(HubRuntime.Config.local(dir))) {
            Hub hub = runtime.hub();
            List<Hub.Pending> inventory = new ArrayList<>();
            for (Event e : SyntheticHeyi.inventory(1)) {
                inventory.add(new Hub.Pending(null, e));
            }
            hub.append(inventory, Hub.Origin.system("bench"));
            List<List<Hub.Pending>> batches = batches(2000);
            try (HubFeed feed = new HubFeed(runtime.baseUrl(), runtime.tokens().tokenOf(Role.VIEWER)).start()) {
                Wall wall = WallBench.onFx(() -> {
                    I18n.setLocale(Locale.forLanguageTag("zh-CN"));
                    Wall w = new Wall(feed, new WallContext(feed::status, runtime.baseUrl()), LayoutLoader.standard());
                    w.start(LayoutLoader.standard().load("laptop").orElseThrow());
                    return w;
                });
                try {
                    Series series = new Series("wall soak");
                    Pacer pacer = new Pacer();
                    for (int m = 0; m < minutes; m++) {
                        pacer.until(m + 1, n -> hub.append(batches.get((int) (n % batches.size())),
                                Hub.Origin.system("bench")));
                        series.add(m, heapAfterGcMb(), status(ProcessHandle.current().pid(), "VmRSS") / 1024.0,
                                status(ProcessHandle.current().pid(), "Threads"), pacer.rate(),
                                pacer.late() + " batches late so far, the wall shows seq " + (feed.latest() == null ? 0 : feed.latest().seq()) + " of "
                                        + hub.head());
                    }
                    return series.values;
                } finally {
                    WallBench.stop(wall);
                }
            }
        } finally {
            TempDirs.delete(dir);
        }
    }

    private static double heapAfterGcMb() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
            Runtime r = Runtime.getRuntime();
            used = Math.min(used, r.totalMemory() - r.freeMemory());
        }
        return used / 1048576.0;
    }

    // --- pacing and sampling ---------------------------------------------------------------------------

    interface Send {
        void batch(long n) throws Exception;
    }

    /** Sends a batch every 10 ms (a late one at once), counting what it sent and how late it fell. */
    private final class Pacer {
        private final long start = System.nanoTime();
        private long n;
        private long late;
        private long sentAtSample;
        private long sampledAt = start;
        private double rate;

        /** Sends until the end of sample {@code sample} (1-based). */
        void until(int sample, Send send) throws Exception {
            long end = start + TimeUnit.MILLISECONDS.toNanos(sampleMillis) * sample;
            while (true) {
                long due = start + n * PERIOD_NANOS;
                if (due >= end) {
                    break;
                }
                long now = System.nanoTime();
                if (now < due) {
                    LockSupport.parkNanos(due - now);
                } else if (now - due > PERIOD_NANOS) {
                    late++;
                }
                send.batch(n++);
            }
            long now = System.nanoTime();
            rate = (n - sentAtSample) * BATCH * 1e9 / (now - sampledAt);
            sentAtSample = n;
            sampledAt = now;
        }

        /** Events/s sent over the last sample. */
        double rate() {
            return rate;
        }

        /** Batches that started more than a period late so far. */
        long late() {
            return late;
        }
    }

    /** Per sample: heap after GC, RSS, threads, events/s; each written to the log as it comes. */
    private final class Series {
        final String name;
        final Map<String, double[]> values = new LinkedHashMap<>();

        Series(String name) {
            this.name = name;
            for (String k : List.of("heap_mb", "rss_mb", "threads", "events_per_s")) {
                values.put(k, new double[minutes]);
            }
        }

        void add(int m, double heapMb, double rssMb, double threads, double eventsPerS, String more) {
            values.get("heap_mb")[m] = heapMb;
            values.get("rss_mb")[m] = rssMb;
            values.get("threads")[m] = threads;
            values.get("events_per_s")[m] = eventsPerS;
            Figures.note("{} minute {}: heap after GC {} MB, rss {} MB, threads {}, {} events/s; {}; load {}", name,
                    m + 1, String.format(Locale.ROOT, "%.1f", heapMb), Math.round(rssMb), Math.round(threads),
                    Math.round(eventsPerS), more, WallBench.load());
        }
    }

    /** A line of /proc/PID/status as a number (VmRSS in kB, Threads). */
    static double status(long pid, String field) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no " + field + " in /proc/" + pid + "/status");
    }

    private void put(Figures figures, String prefix, Map<String, double[]> v) {
        int last = minutes - 1;
        int warm = Math.min(last, Math.max(1, minutes / 6) - 1); // the sample ending the warm-up
        figures.put(prefix + ".minutes", minutes * sampleMillis / 60_000.0, 1, "min");
        figures.put(prefix + ".events_per_s", min(v.get("events_per_s")), 0, "events/s");
        for (String k : List.of("heap_mb", "rss_mb")) {
            double[] s = v.get(k);
            figures.put(prefix + "." + k, s[last], 1, "MB");
            figures.put(prefix + "." + k.replace("_mb", "_growth_pct"), 100 * (s[last] - s[warm]) / s[warm], 1, "%");
        }
        // one sample's noise (what a full GC finds in flight) moves the growth above by several %; the trend does not
        figures.put(prefix + ".heap_trend_mb_per_h", trendPerHour(v.get("heap_mb"), warm, sampleMillis), 1, "MB/h");
        double[] t = v.get("threads");
        figures.put(prefix + ".threads", t[last], 0, "threads");
        figures.put(prefix + ".threads_growth", t[last] - t[warm], 0, "threads");
    }

    /** The least-squares slope of the samples from {@code from} on, per hour ({@code sampleMillis} apart); 0 for one. */
    static double trendPerHour(double[] samples, int from, long sampleMillis) {
        int n = samples.length - from;
        if (n < 2) {
            return 0;
        }
        double meanX = (n - 1) / 2.0;
        double meanY = 0;
        for (int i = 0; i < n; i++) {
            meanY += samples[from + i] / n;
        }
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            sxy += (i - meanX) * (samples[from + i] - meanY);
            sxx += (i - meanX) * (i - meanX);
        }
        return sxy / sxx * 3_600_000.0 / sampleMillis;
    }

    private static double min(double[] values) {
        double m = Double.MAX_VALUE;
        for (double d : values) {
            m = Math.min(m, d);
        }
        return m;
    }
}
