package org.shanzhi.cockpit.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import com.sun.management.OperatingSystemMXBean;
import javafx.application.Platform;
import javafx.stage.Window;

import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.Recorded;
import org.shanzhi.cockpit.domain.Rejection;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.feed.HubFeed;
import org.shanzhi.cockpit.hub.Hub;
import org.shanzhi.cockpit.hub.HubClock;
import org.shanzhi.cockpit.hub.HubRuntime;
import org.shanzhi.cockpit.hub.Role;
import org.shanzhi.cockpit.hub.sim.HeyiScenario;
import org.shanzhi.cockpit.hub.sim.Simulator;
import org.shanzhi.cockpit.hub.sim.TimedEvent;
import org.shanzhi.cockpit.wall.I18n;
import org.shanzhi.cockpit.wall.Wall;
import org.shanzhi.cockpit.wall.WallContext;
import org.shanzhi.cockpit.wall.layout.LayoutLoader;
import org.shanzhi.cockpit.wall.layout.WallLayout;

/**
 * The wall's figures: the real {@link Wall} with the laptop layout on JavaFX's headless platform
 * (Monocle, software rendering) in this process, reading an embedded hub through a real
 * {@link HubFeed} (HTTP snapshot, WebSocket stream), the hub holding the Heyi inventory and fed
 * with the Heyi simulator's own events.
 *
 * <ul>
 * <li>{@code wall.latency.*}: 1,000 events/s (batches of 10 every 10 ms through {@link Hub#append})
 * for 20 s after 5 s of warm-up; for every event, from the moment its batch's append returned to
 * the end of the first pulse in which the wall's pump showed a situation with that seq or later
 * (see {@link ShownSource}).</li>
 * <li>{@code wall.fx_busy_pct}: CPU time of the JavaFX application thread over the same 20 s
 * (ThreadMXBean), as a share of the elapsed time.</li>
 * <li>{@code wall.heap_mb}: the rest of the simulated day (to 24 h after its 06:00 start) appended
 * as fast as the hub takes it, the wall following; then heap used after full GCs, whole process.
 * {@code wall.rss_mb}: then the process's resident set (VmRSS), with the JVM options the bench was started with.</li>
 * <li>{@code wall.first_frame_ms} (in the {@code start} group): a child JVM ({@link WallFirstFrame}) doing what the
 * default command does, headless, started twice on one data directory; the second start, from starting the process to
 * the end of the first pulse that showed a situation (the one the first run kept); {@code wall.first_live_frame_ms}
 * to the first that showed the hub's (restarted on its journal); {@code wall.first_frame_cpu_ms} the restart's CPU time
 * (all threads) by its first frame, sturdier than the elapsed time on a busy machine; {@code wall.first_frame_cold_ms} the first start's
 * (a new data directory: its embedded hub starts and catches up on the morning), {@code wall.first_frame_lived_ms}
 * to its first that showed the morning up to the 13:00 opening (medians of 5).</li>
 * </ul>
 */
final class WallBench {

    private static final int BATCH = 10;
    private static final long PERIOD_NANOS = 10_000_000L; // 10 events every 10 ms: 1,000 events/s

    private final boolean quick;

    WallBench(boolean quick) {
        this.quick = quick;
    }

    /** JavaFX's headless platform with software rendering, a 1920×1080 screen; before the toolkit starts. */
    static void headless() {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("java.awt.headless", "true");
        if (System.getProperty("headless.geometry") == null) {
            System.setProperty("headless.geometry", "1920x1080-32");
        }
    }

    void run(Figures figures) throws Exception {
        live(figures);
    }

    // --- first frame, in a child JVM ----------------------------------------------------------------

    /** The child's stages in the order they usually come, each a {@code wall.start.<stage>_ms} figure. */
    private static final List<String> STAGES = List.of("main", "fx", "hub", "snapshot", "pulse");

    /** The first frame of a first start and of a restart on its data: part of {@code bench --only start}. */
    void firstFrame(Figures figures) throws Exception {
        int runs = quick ? 1 : 5;
        Map<String, double[]> cold = new LinkedHashMap<>();
        Map<String, double[]> warm = new LinkedHashMap<>();
        for (int i = 0; i < runs; i++) {
            Path data = Files.createTempDirectory("shanzhi-bench-first-frame");
            try {
                put(cold, firstFrameOnce(data), i, runs, "first start", "load " + load());
                put(warm, firstFrameOnce(data), i, runs, "restart", "load " + load());
            } finally {
                TempDirs.delete(data);
            }
        }
        for (String stage : STAGES) {
            figures.put("wall.start." + stage + "_ms", Figures.median(warm.get(stage)), 0, "ms");
        }
        figures.put("wall.first_frame_ms", Figures.median(warm.get("first frame")), 0, "ms");
        figures.put("wall.first_frame_cpu_ms", Figures.median(warm.get("first cpu")), 0, "ms");
        figures.put("wall.first_live_frame_ms", Figures.median(warm.get("day frame")), 0, "ms");
        figures.put("wall.first_frame_cold_ms", Figures.median(cold.get("first frame")), 0, "ms");
        figures.put("wall.first_frame_lived_ms", Figures.median(cold.get("day frame")), 0, "ms");
        figures.put("wall.first_frame_lived_cpu_ms", Figures.median(cold.get("cpu")), 0, "ms");
    }

    private static void put(Map<String, double[]> at, Map<String, Double> run, int i, int runs, String what,
                            String load) {
        for (Map.Entry<String, Double> e : run.entrySet()) {
            at.computeIfAbsent(e.getKey(), k -> new double[runs])[i] = e.getValue();
        }
        Figures.note("wall {} run {}: ms from process start {} ({})", what, i + 1, run, load);
    }

    /** The one-minute load average, where the system says it. */
    static String load() {
        double l = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return l < 0 ? "unknown" : String.format(Locale.ROOT, "%.1f", l);
    }

    /**
     * Milliseconds from starting the child to each line it printed ("first frame", "day frame",
     * and its marks); "own" is the child's own count from its JVM start to the day frame, "cpu" its CPU time by then.
     */
    private Map<String, Double> firstFrameOnce(Path data) throws Exception {
        List<String> cmd = childCommand(WallFirstFrame.class.getName());
        cmd.addAll(List.of("--data", data.toString()));
        File log = File.createTempFile("shanzhi-bench-first-frame", ".log");
        long t0 = System.nanoTime();
        Process child = new ProcessBuilder(cmd).redirectError(log).start();
        Map<String, Double> at = new LinkedHashMap<>();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8));
            for (String line; (line = out.readLine()) != null; ) {
                double ms = Math.round((System.nanoTime() - t0) / 1e5) / 10.0;
                if (line.startsWith("mark ")) {
                    at.put(line.substring(5, line.lastIndexOf(' ')), ms);
                } else if (line.startsWith("first frame ")) {
                    at.put("first frame", ms);
                    String[] words = line.split(" "); // first frame <seq> <own ms> kept|live cpu <ms>
                    at.put("kept", words[4].equals("kept") ? 1.0 : 0.0); // the picture kept by the run before
                    at.put("first cpu", Double.parseDouble(words[6]));
                } else if (line.startsWith("day frame ")) {
                    at.put("day frame", ms);
                    String[] words = line.split(" "); // day frame <seq> <own ms> cpu <ms>
                    at.put("own", Double.parseDouble(words[3]));
                    at.put("cpu", Double.parseDouble(words[5]));
                    break;
                }
            }
            if (!at.containsKey("day frame")) {
                throw new IllegalStateException("the wall child showed no frame with the morning; see " + log);
            }
            Files.deleteIfExists(log.toPath());
            return at;
        } finally {
            if (!child.waitFor(20, TimeUnit.SECONDS)) {
                child.destroy();
                if (!child.waitFor(10, TimeUnit.SECONDS)) {
                    child.destroyForcibly();
                }
            }
        }
    }

    /** java with this class path (the jar or the classes) and the asset and layout properties, running {@code main}. */
    static List<String> childCommand(String main) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String p : List.of(HeyiScenario.ASSETS_PROPERTY, LayoutLoader.LAYOUTS_PROPERTY, "file.encoding")) {
            if (System.getProperty(p) != null) {
                cmd.add("-D" + p + "=" + System.getProperty(p));
            }
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), main));
        return cmd;
    }

    // --- latency, FX busy, heap: the wall in this process ---------------------------------------------

    private void live(Figures figures) throws Exception {
        startToolkit();
        Path dir = Files.createTempDirectory("shanzhi-bench-wall");
        HeyiScenario heyi = HeyiScenario.loadDefault();
        Simulator simulator = new Simulator(heyi, 1);
        try (HubRuntime runtime = HubRuntime.start(HubRuntime.Config.local(dir)
                .withClock(s -> HubClock.simulated(Simulator.DEFAULT_START, 1)))) {
            Hub hub = runtime.hub();
            List<Hub.Pending> inventory = new ArrayList<>();
            for (Event e : heyi.inventory()) {
                inventory.add(new Hub.Pending(Simulator.DEFAULT_START, e));
            }
            hub.append(inventory, Hub.Origin.system("bench"));

            // the scenario's own events after the inventory, made beforehand so that making them is not measured
            int warmup = quick ? 1 : 5;
            int measured = quick ? 2 : 20;
            int needed = (warmup + measured) * 1000 + 2 * BATCH;
            Ahead events = new Ahead(simulator, hub.situation(), needed);
            Figures.note("wall: {} inventory events, then {} scenario events made ({} to {}); mix {}",
                    inventory.size(), events.size(), events.first(), events.last(), events.mix());

            try (HubFeed feed = new HubFeed(runtime.baseUrl(), runtime.tokens().tokenOf(Role.VIEWER)).start()) {
                ShownSource shown = new ShownSource(feed, s -> { });
                WallLayout layout = LayoutLoader.standard().load("laptop").orElseThrow();
                Wall wall = onFx(() -> {
                    I18n.setLocale(Locale.forLanguageTag("zh-CN"));
                    Wall w = new Wall(shown, new WallContext(feed::status, runtime.baseUrl()),
                            LayoutLoader.standard());
                    w.start(layout);
                    return w;
                });
                try {
                    awaitShown(shown, hub.head(), 30_000);
                    long fxThread = onFx(() -> Thread.currentThread().getId());
                    paced(hub, events, warmup * 1000 / BATCH, null);
                    awaitShown(shown, hub.head(), 10_000);

                    // the measured window
                    int batches = measured * 1000 / BATCH;
                    long[][] appended = new long[3][batches]; // first seq, last seq, nanoTime after append
                    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
                    long render = rendererThread();
                    OperatingSystemMXBean os = (OperatingSystemMXBean)
                            ManagementFactory.getOperatingSystemMXBean();
                    long fxCpu0 = threads.getThreadCpuTime(fxThread);
                    long renderCpu0 = render < 0 ? -1 : threads.getThreadCpuTime(render);
                    long processCpu0 = os.getProcessCpuTime();
                    long pulses0 = onFx(shown::pulses);
                    long t0 = System.nanoTime();
                    long behind = paced(hub, events, batches, appended);
                    long t1 = System.nanoTime();
                    long fxCpu1 = threads.getThreadCpuTime(fxThread);
                    long renderCpu1 = render < 0 ? -1 : threads.getThreadCpuTime(render);
                    long processCpu1 = os.getProcessCpuTime();
                    long pulses1 = onFx(shown::pulses);
                    boolean caughtUp = awaitShown(shown, hub.head(), 10_000);
                    long[][] frames = onFx(shown::frames);
                    latency(figures, appended, frames, t0, t1, behind, caughtUp);
                    double elapsed = t1 - t0;
                    figures.put("wall.fx_busy_pct", 100.0 * (fxCpu1 - fxCpu0) / elapsed, 1, "%");
                    if (render >= 0) {
                        figures.put("wall.render_busy_pct", 100.0 * (renderCpu1 - renderCpu0) / elapsed, 1, "%");
                    }
                    Figures.note("wall: {} pulses per s; process CPU over the window {} % of one core ({} cores)",
                            String.format(Locale.ROOT, "%.1f", (pulses1 - pulses0) / (elapsed / 1e9)),
                            String.format(Locale.ROOT, "%.0f", 100.0 * (processCpu1 - processCpu0) / elapsed),
                            Runtime.getRuntime().availableProcessors());

                    day(figures, hub, simulator, events, shown);
                } finally {
                    stop(wall);
                }
            }
        } finally {
            TempDirs.delete(dir);
        }
    }

    /**
     * Appends {@code batches} batches of {@link #BATCH} at one every 10 ms (a late one at once),
     * recording first seq, last seq and the time after each append returned. Returns how many
     * batches started more than a period late.
     */
    private static long paced(Hub hub, Ahead events, int batches, long[][] appended) {
        long start = System.nanoTime();
        long late = 0;
        for (int i = 0; i < batches; i++) {
            long due = start + i * PERIOD_NANOS;
            long now = System.nanoTime();
            if (now < due) {
                LockSupport.parkNanos(due - now);
            } else if (now - due > PERIOD_NANOS) {
                late++;
            }
            List<Recorded> r = hub.append(events.take(BATCH), Hub.Origin.system("bench"));
            long t = System.nanoTime();
            if (appended != null) {
                appended[0][i] = r.get(0).seq();
                appended[1][i] = r.get(r.size() - 1).seq();
                appended[2][i] = t;
            }
        }
        return late;
    }

    private void latency(Figures figures, long[][] appended, long[][] frames, long t0, long t1, long late,
                         boolean caughtUp) {
        long[] seqs = frames[0];
        long[] at = frames[1];
        int batches = appended[0].length;
        long[] ms = new long[batches * BATCH];
        int n = 0;
        int missing = 0;
        for (int b = 0; b < batches; b++) {
            for (long seq = appended[0][b]; seq <= appended[1][b]; seq++) {
                int f = firstAtLeast(seqs, seq);
                if (f < 0) {
                    missing++;
                    continue;
                }
                ms[n++] = Math.max(0, at[f] - appended[2][b]); // nanos for now
            }
        }
        if (n == 0) {
            throw new IllegalStateException("the wall showed none of the " + missing + " events");
        }
        Arrays.sort(ms, 0, n);
        int framesInWindow = 0;
        long[] took = new long[at.length];
        for (int i = 0; i < at.length; i++) {
            if (at[i] >= t0 && at[i] < t1) {
                took[framesInWindow++] = frames[2][i];
            }
        }
        Arrays.sort(took, 0, framesInWindow);
        Figures.note("wall frames: from the pump taking a situation to the end of its pulse p50 {} ms, p90 {} ms, "
                + "max {} ms", ms(Figures.quantile(took, framesInWindow, 0.5)),
                ms(Figures.quantile(took, framesInWindow, 0.9)), ms(Figures.quantile(took, framesInWindow, 1.0)));
        double seconds = (t1 - t0) / 1e9;
        Figures.note("wall latency: {} events in {} s ({} batches more than 10 ms late), {} never shown{}; "
                        + "{} frames ({} per s); min {} ms, p50 {} ms, p90 {} ms, p99 {} ms, max {} ms",
                n + missing, String.format(Locale.ROOT, "%.1f", seconds), late, missing,
                caughtUp ? "" : " (the wall did not catch up within 10 s)", framesInWindow,
                String.format(Locale.ROOT, "%.1f", framesInWindow / seconds), ms(ms[0]),
                ms(Figures.quantile(ms, n, 0.5)), ms(Figures.quantile(ms, n, 0.9)), ms(Figures.quantile(ms, n, 0.99)),
                ms(ms[n - 1]));
        figures.put("wall.latency.p50_ms", Figures.quantile(ms, n, 0.5) / 1e6, 1, "ms");
        figures.put("wall.latency.p99_ms", Figures.quantile(ms, n, 0.99) / 1e6, 1, "ms");
        figures.put("wall.frames_per_s", framesInWindow / seconds, 1, "frames/s");
        figures.put("wall.events_per_s", (n + missing) / seconds, 0, "events/s");
    }

    private static String ms(double nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e6);
    }

    /** The index of the first frame that showed {@code seq} or later, or -1. */
    private static int firstAtLeast(long[] seqs, long seq) {
        int lo = 0;
        int hi = seqs.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (seqs[mid] < seq) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo < seqs.length ? lo : -1;
    }

    /** The rest of the simulated day, as fast as the hub takes it; the wall follows; then heap after GC. */
    private void day(Figures figures, Hub hub, Simulator simulator, Ahead events, ShownSource shown)
            throws Exception {
        long t0 = System.nanoTime();
        int accepted = 0;
        List<Hub.Pending> rest = events.take(events.size());
        events.release();
        if (!rest.isEmpty()) {
            accepted += hub.appendEach(rest, "bench");
        }
        Instant end = Simulator.DEFAULT_START.plus(quick ? Duration.ofHours(6) : Duration.ofHours(24));
        Instant to = events.generatedTo();
        Map<String, Integer> mix = new TreeMap<>();
        while (to.isBefore(end)) {
            to = to.plus(Duration.ofMinutes(5));
            List<TimedEvent> made = simulator.advance(hub.situation(), to);
            List<Hub.Pending> batch = new ArrayList<>(made.size());
            for (TimedEvent e : made) {
                batch.add(new Hub.Pending(e.time(), e.event()));
                mix.merge(e.event().getClass().getSimpleName(), 1, Integer::sum);
            }
            if (!batch.isEmpty()) {
                accepted += hub.appendEach(batch, "bench");
            }
        }
        long appendedMs = (System.nanoTime() - t0) / 1_000_000;
        boolean followed = awaitShown(shown, hub.head(), 60_000);
        long followedMs = (System.nanoTime() - t0) / 1_000_000;
        Situation s = hub.situation();
        Figures.note("wall day: {} more events to {} appended in {} ms, the wall {} the head after {} ms; "
                        + "head {}; mix of the rest {}; counts {}", accepted, s.time(), appendedMs,
                followed ? "showed" : "had NOT shown", followedMs, hub.head(), mix, s.counts());
        Thread.sleep(1000); // a few pulses with nothing new
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(200);
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        figures.put("wall.heap_mb", used / (1024.0 * 1024.0), 1, "MB");
        Figures.note("wall day: resident after the GCs, with the JVM options {}",
                ManagementFactory.getRuntimeMXBean().getInputArguments());
        figures.put("wall.rss_mb", SoakBench.status(ProcessHandle.current().pid(), "VmRSS") / 1024, 0, "MB");
    }

    // --- helpers ---------------------------------------------------------------------------------------

    /** Starts the headless toolkit; false if it was running already (then it is left running). */
    private static boolean toolkitStarted;

    /** Starts JavaFX headless for the benchmarks that need it, once; {@link #stopToolkit()} ends it. */
    static synchronized void startToolkit() throws Exception {
        if (toolkitStarted) {
            return;
        }
        headless();
        CompletableFuture<Void> up = new CompletableFuture<>();
        try {
            Platform.startup(() -> up.complete(null));
        } catch (IllegalStateException alreadyRunning) {
            return; // started by whoever runs us (a test)
        }
        up.get(30, TimeUnit.SECONDS);
        Platform.setImplicitExit(false);
        toolkitStarted = true;
    }

    /** Ends the JavaFX started by {@link #startToolkit()}, so that the process can end. */
    static synchronized void stopToolkit() {
        if (toolkitStarted) {
            Platform.exit();
            toolkitStarted = false;
        }
    }

    /** Stops the wall and hides its windows, so that the next benchmark's wall is the only one. */
    static void stop(Wall wall) throws Exception {
        onFx(() -> {
            wall.stop();
            for (Window w : new ArrayList<>(Window.getWindows())) {
                w.hide();
            }
            return null;
        });
    }

    interface FxCall<T> {
        T call() throws Exception;
    }

    static <T> T onFx(FxCall<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        return result.get(300, TimeUnit.SECONDS); // a busy machine can take minutes to build a wall
    }

    /** Waits until a frame has shown {@code seq} or later; false on timeout. */
    private static boolean awaitShown(ShownSource shown, long seq, long timeoutMs) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (System.nanoTime() < deadline) {
            long[][] f = onFx(shown::frames);
            if (f[0].length > 0 && f[0][f[0].length - 1] >= seq) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    /** The id of the software renderer's thread, or -1. */
    static long rendererThread() {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("QuantumRenderer")) {
                return t.getId();
            }
        }
        return -1;
    }

    /**
     * The Heyi simulator's events after a situation, made ahead and folded here (dropping what the
     * fold refuses, as the hub would), so that the hub accepts each batch whole.
     */
    private static final class Ahead {
        private final List<Hub.Pending> events = new ArrayList<>();
        private final Map<String, Integer> mix = new TreeMap<>();
        private final Instant generatedTo;
        private int next;

        Ahead(Simulator simulator, Situation after, int needed) {
            Situation s = after;
            Instant to = Simulator.DEFAULT_START;
            while (events.size() < needed) {
                to = to.plus(Duration.ofMinutes(10));
                for (TimedEvent t : simulator.advance(s, to)) {
                    Instant time = t.time().truncatedTo(ChronoUnit.MILLIS);
                    try {
                        s = s.apply(new Recorded(s.seq() + 1, time, t.event()));
                    } catch (Rejection e) {
                        continue;
                    }
                    events.add(new Hub.Pending(time, t.event()));
                    mix.merge(t.event().getClass().getSimpleName(), 1, Integer::sum);
                }
            }
            generatedTo = to;
        }

        List<Hub.Pending> take(int n) {
            int end = Math.min(events.size(), next + n);
            List<Hub.Pending> out = new ArrayList<>(events.subList(next, end));
            next = end;
            if (out.isEmpty() && n > 0) {
                throw new IllegalStateException("the bench ran out of scenario events");
            }
            return out;
        }

        /** Forgets the events (so that they are not counted in the heap). */
        void release() {
            next -= events.size();
            events.clear();
        }

        int size() {
            return events.size() - next;
        }

        Instant first() {
            return events.get(0).time();
        }

        Instant last() {
            return events.get(events.size() - 1).time();
        }

        Instant generatedTo() {
            return generatedTo;
        }

        Map<String, Integer> mix() {
            return mix;
        }
    }
}
