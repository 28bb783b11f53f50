package org.shanzhi.cockpit.bench;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.management.OperatingSystemMXBean;
import javafx.animation.AnimationTimer;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;

import org.shanzhi.cockpit.domain.AiAlert;
import org.shanzhi.cockpit.domain.Camera;
import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.GeoPoint;
import org.shanzhi.cockpit.domain.Recorded;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.feed.HubFeed;
import org.shanzhi.cockpit.hub.Hub;
import org.shanzhi.cockpit.hub.HubRuntime;
import org.shanzhi.cockpit.hub.Role;
import org.shanzhi.cockpit.hub.sim.HeyiScenario;
import org.shanzhi.cockpit.wall.WallContext;
import org.shanzhi.cockpit.wall.WallFrame;
import org.shanzhi.cockpit.wall.WallPulse;
import org.shanzhi.cockpit.wall.layout.Placement;
import org.shanzhi.cockpit.wall.layout.WidgetType;
import org.shanzhi.cockpit.wall.video.VideoWidget;

/**
 * The video grid's figures, with the real {@link VideoWidget} on a 1920×1080 stage of JavaFX's headless platform
 * (software rendering) playing through the system's libvlc. Needs libvlc, cvlc and ffmpeg.
 *
 * <ul>
 * <li>{@code video.frames_shown_ratio}, {@code video.cpu_pct}: 16 tiles each playing a 640×360 25 fps H.264 file
 * (looped); frames the tiles showed / frames libvlc decoded, and this process's CPU, over the measured window after
 * a warm-up. {@code video.cpu_vs_vlc}: that CPU / the CPU of 16 {@code cvlc} processes playing the same file with
 * their own X11 video output on the same display (only when a display is there, e.g. under xvfb-run).
 * {@code video.1080p.*}: the same with 4 tiles of 1920×1080. Each stage per tile and second: frames libvlc dropped
 * as late ({@code late_per_tile_s}), handed over ({@code handed_per_tile_s}) and shown ({@code shown_per_tile_s});
 * and the CPU time of the FX thread and of the renderer per pulse.</li>
 * <li>{@code video.floor.*}: 16 bare image views of a tile's size, their buffers filled at 25 frames/s by a plain
 * thread: what the pulse and the renderer alone allow, without libvlc.</li>
 * <li>{@code video.alarm_to_first_frame_ms.p50/p99}: an embedded hub with the Heyi inventory (its virtual MJPEG
 * cameras), the widget fed by a real {@link HubFeed}; from appending an AI alert on a camera not on screen to the
 * pulse that shows that camera's first frame in the alarm tile.</li>
 * <li>{@code video.soak.*} (with {@code --video-soak-minutes N}): 16 tiles on 4 HTTP streams from cvlc, killed
 * every minute and started again 15 s later; RSS and heap after GC at the end of each minute, the last against
 * the second (the first warms up).</li>
 * </ul>
 */
final class VideoBench {

    private final boolean quick;
    private final int soakMinutes;

    VideoBench(boolean quick, int soakMinutes) {
        this.quick = quick;
        this.soakMinutes = soakMinutes;
    }

    void run(Figures figures) throws Exception {
        String missing = VideoWidget.libvlcMissing();
        if (missing != null || !onPath("ffmpeg")) {
            Figures.note("video: skipped, needs libvlc and ffmpeg ({})", missing == null ? "ffmpeg missing" : missing);
            return;
        }
        WallBench.startToolkit();
        Path dir = Files.createTempDirectory("shanzhi-bench-video",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        // longer than warm-up and measurement: a file that ends is a stream that failed, and restarts (a gap)
        int seconds = quick ? 15 : 45;
        Path small = clip(dir, "360p.mp4", 640, 360, seconds);
        Path large = clip(dir, "1080p.mp4", 1920, 1080, seconds);
        floor(figures, 16);
        tiles(figures, "video", 16, small);
        tiles(figures, "video.1080p", 4, large);
        alarms(figures);
        if (soakMinutes > 0) {
            soak(figures, small);
        }
    }

    // --- soak: streams killed and restored every minute ---------------------------------------------

    /**
     * 16 tiles on 4 HTTP streams served by cvlc; every minute the servers are killed, and started again 15 s later.
     * RSS and heap after GC are sampled at the end of each minute; the figures compare the last with the first.
     */
    private void soak(Figures figures, Path clip) throws Exception {
        int[] ports = new int[4];
        String[] urls = new String[16];
        for (int i = 0; i < 4; i++) {
            try (ServerSocket free = new ServerSocket(0)) {
                ports[i] = free.getLocalPort();
            }
        }
        Situation s = Situation.empty();
        for (int i = 0; i < 16; i++) {
            urls[i] = "http://127.0.0.1:" + ports[i % 4] + "/c.ts";
            Camera c = new Camera(String.format("CAM-%02d", i), "soak " + i, new GeoPoint(116.4, 39.8), null, false,
                    true, urls[i]);
            s = s.apply(new Recorded(s.seq() + 1, Instant.now(), new Event.CameraRegistered(c)));
        }
        Situation situation = s;
        List<Process> servers = new ArrayList<>();
        Shown shown = show(placement(16, "all", 60), new WallContext(() -> null, "http://127.0.0.1:9", "bench"));
        double[] rss = new double[soakMinutes];
        double[] heap = new double[soakMinutes];
        try {
            for (int port : ports) {
                servers.add(cvlcServer(clip, port));
            }
            WallBench.onFx(() -> {
                shown.widget.show(WallFrame.of(situation));
                return null;
            });
            for (int m = 0; m < soakMinutes; m++) {
                Thread.sleep(45_000);
                for (Process p : servers) {
                    stop(p);
                }
                servers.clear();
                Thread.sleep(15_000); // no signal: the tiles retry
                for (int port : ports) {
                    servers.add(cvlcServer(clip, port));
                }
                System.gc();
                rss[m] = rssMb();
                heap[m] = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / 1048576.0;
                long[] f = frames(shown.widget);
                Figures.note("video soak minute {}: rss {} MB, heap {} MB, frames decoded {} shown {}", m + 1,
                        Math.round(rss[m]), Math.round(heap[m]), f[0], f[1]);
            }
        } finally {
            close(shown);
            for (Process p : servers) {
                stop(p);
            }
        }
        int first = Math.min(1, soakMinutes - 1); // the first minute warms up
        figures.put("video.soak.minutes", soakMinutes, 0, "min");
        figures.put("video.soak.rss_mb.first", rss[first], 0, "MB");
        figures.put("video.soak.rss_mb.last", rss[soakMinutes - 1], 0, "MB");
        figures.put("video.soak.rss_growth_pct", 100 * (rss[soakMinutes - 1] - rss[first]) / rss[first], 1, "%");
        figures.put("video.soak.heap_mb.first", heap[first], 0, "MB");
        figures.put("video.soak.heap_mb.last", heap[soakMinutes - 1], 0, "MB");
        figures.put("video.soak.heap_growth_pct", 100 * (heap[soakMinutes - 1] - heap[first]) / heap[first], 1, "%");
    }

    private static Process cvlcServer(Path clip, int port) throws Exception {
        List<String> cmd = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            cmd.addAll(List.of("runuser", "-u", "nobody", "--"));
        }
        cmd.addAll(List.of("cvlc", "-q", "--no-audio", clip.toString(), "--loop", "--sout-keep", "--sout",
                "#std{access=http,mux=ts,dst=127.0.0.1:" + port + "/c.ts}"));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    private static void stop(Process p) throws Exception {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        p.waitFor(10, TimeUnit.SECONDS);
    }

    /** This process's resident set, from /proc/self/status. */
    private static double rssMb() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }

    // --- frames shown and CPU ------------------------------------------------------------------------

    private void tiles(Figures figures, String prefix, int split, Path clip) throws Exception {
        int warmup = quick ? 3 : 5;
        int measured = quick ? 5 : 30;
        Situation s = Situation.empty();
        for (int i = 0; i < split; i++) {
            Camera c = new Camera(String.format("CAM-%02d", i), "bench " + i, new GeoPoint(116.4, 39.8), null, false,
                    true, clip.toUri().toString());
            s = s.apply(new Recorded(s.seq() + 1, Instant.now(), new Event.CameraRegistered(c)));
        }
        Situation situation = s;
        WallContext context = new WallContext(() -> null, "http://127.0.0.1:9", "bench");
        Shown shown = show(placement(split, "all", 60), context);
        WallBench.onFx(() -> {
            shown.widget.show(WallFrame.of(situation));
            return null;
        });
        Thread.sleep(warmup * 1000L);
        long[] pulses = {0};
        AnimationTimer counter = WallBench.onFx(() -> {
            AnimationTimer t = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    pulses[0]++;
                }
            };
            t.start();
            return t;
        });
        long[] threads0 = fxAndRendererCpuNanos();
        long[] f0 = frames(shown.widget);
        long cpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        Thread.sleep(measured * 1000L);
        long[] f1 = frames(shown.widget);
        long cpu = processCpuNanos() - cpu0;
        long[] threads1 = fxAndRendererCpuNanos();
        long elapsed = System.nanoTime() - t0;
        long pulseCount = WallBench.onFx(() -> {
            counter.stop();
            return pulses[0];
        });
        close(shown);
        // each stage in frames per second per tile: the stream's, those libvlc dropped as late, those it handed
        // over (display callbacks), those the pulses took (the rest were overwritten by a newer one first)
        double seconds = elapsed / 1e9;
        long decoded = f1[0] - f0[0];
        long shownFrames = f1[1] - f0[1];
        long late = f1[2] - f0[2];
        Figures.note("{}: {} tiles, {} s: {} frames handed over ({}/s per tile), {} dropped late by libvlc, {} shown",
                prefix, split, measured, decoded, Math.round(decoded / (double) split / measured), late, shownFrames);
        figures.put(prefix + ".fx_pulses_per_s", pulseCount / seconds, 1, "/s");
        perPulse(figures, prefix, threads0, threads1, pulseCount);
        figures.put(prefix + ".late_per_tile_s", late / seconds / split, 1, "/s");
        figures.put(prefix + ".handed_per_tile_s", decoded / seconds / split, 1, "/s");
        figures.put(prefix + ".shown_per_tile_s", shownFrames / seconds / split, 1, "/s");
        figures.put(prefix + ".frames_shown_ratio", decoded == 0 ? 0 : (double) shownFrames / decoded, 3, "");
        double ours = 100.0 * cpu / elapsed;
        figures.put(prefix + ".cpu_pct", ours, 0, "% of one core");
        String display = System.getenv("DISPLAY");
        if (display == null || display.isBlank() || !onPath("cvlc")) {
            Figures.note("{}.cpu_vs_vlc: skipped, needs cvlc and a display (run under xvfb-run)", prefix);
            return;
        }
        double vlc = cvlcCpuPct(split, clip, warmup, measured);
        figures.put(prefix + ".cvlc_cpu_pct", vlc, 0, "% of one core");
        figures.put(prefix + ".cpu_vs_vlc", ours / vlc, 2, "");
    }

    /**
     * The renderer's floor: the same 1920×1080 stage with {@code split} bare image views, each on a buffer of a
     * tile's size that a plain thread fills at 25 frames/s (no libvlc, no decoding, no labels), taken by one
     * animation timer per pulse as the widget's pump does. What is lost here is lost to the pulse alone.
     */
    private void floor(Figures figures, int split) throws Exception {
        int warmup = quick ? 2 : 5;
        int measured = quick ? 3 : 15;
        int side = (int) Math.sqrt(split);
        int w = 1920 / side;
        int h = 1080 / side;
        IntBuffer[] buffers = new IntBuffer[split];
        int[][] pictures = new int[2][w * h];
        for (int i = 0; i < w * h; i++) { // two pictures that differ everywhere, as video does
            pictures[0][i] = 0xff000000 | (i * 7 & 0xffffff);
            pictures[1][i] = 0xff000000 | (i * 31 & 0xffffff);
        }
        AtomicBoolean[] dirty = new AtomicBoolean[split];
        long[] handed = new long[1];
        long[] shownFrames = new long[1];
        long[] pulses = new long[1];
        List<PixelBuffer<IntBuffer>> pixels = new ArrayList<>();
        for (int i = 0; i < split; i++) {
            buffers[i] = ByteBuffer.allocateDirect(w * h * 4).order(ByteOrder.nativeOrder()).asIntBuffer();
            pixels.add(new PixelBuffer<>(w, h, buffers[i], PixelFormat.getIntArgbPreInstance()));
            dirty[i] = new AtomicBoolean();
        }
        Stage stage = WallBench.onFx(() -> {
            Pane root = new Pane();
            for (int i = 0; i < split; i++) {
                ImageView v = new ImageView(new WritableImage(pixels.get(i)));
                v.relocate(i % side * w, i / side * h);
                root.getChildren().add(v);
            }
            Stage st = new Stage();
            st.setScene(new Scene(root, 1920, 1080));
            st.show();
            return st;
        });
        ScheduledExecutorService decoder = Executors.newSingleThreadScheduledExecutor();
        long[] n = new long[1];
        decoder.scheduleAtFixedRate(() -> {
            int[] picture = pictures[(int) (n[0]++ & 1)];
            for (int i = 0; i < split; i++) {
                buffers[i].clear();
                buffers[i].put(picture);
                dirty[i].set(true);
            }
            synchronized (handed) {
                handed[0] += split;
            }
        }, 0, 40, TimeUnit.MILLISECONDS);
        AnimationTimer pump = WallBench.onFx(() -> {
            AnimationTimer t = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    pulses[0]++;
                    for (int i = 0; i < split; i++) {
                        if (dirty[i].getAndSet(false)) {
                            pixels.get(i).updateBuffer(b -> null);
                            shownFrames[0]++;
                        }
                    }
                }
            };
            t.start();
            return t;
        });
        Thread.sleep(warmup * 1000L);
        long[] before = WallBench.onFx(() -> new long[] {pulses[0], shownFrames[0]});
        long handed0;
        synchronized (handed) {
            handed0 = handed[0];
        }
        long[] threads0 = fxAndRendererCpuNanos();
        long cpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        Thread.sleep(measured * 1000L);
        long[] threads1 = fxAndRendererCpuNanos();
        long[] after = WallBench.onFx(() -> new long[] {pulses[0], shownFrames[0]});
        long handed1;
        synchronized (handed) {
            handed1 = handed[0];
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long cpu = processCpuNanos() - cpu0;
        decoder.shutdownNow();
        WallBench.onFx(() -> {
            pump.stop();
            stage.close();
            return null;
        });
        figures.put("video.floor.fx_pulses_per_s", (after[0] - before[0]) / seconds, 1, "/s");
        perPulse(figures, "video.floor", threads0, threads1, after[0] - before[0]);
        figures.put("video.floor.frames_shown_ratio", (double) (after[1] - before[1]) / (handed1 - handed0), 3, "");
        figures.put("video.floor.cpu_pct", 100.0 * cpu / (seconds * 1e9), 0, "% of one core");
    }

    /** CPU of {@code n} cvlc processes each playing {@code clip} with their own X11 window, as % of one core. */
    private static double cvlcCpuPct(int n, Path clip, int warmup, int measured) throws Exception {
        List<Process> players = new ArrayList<>();
        Path auth = readableXauthority();
        try {
            for (int i = 0; i < n; i++) {
                List<String> cmd = new ArrayList<>();
                if ("root".equals(System.getProperty("user.name"))) {
                    cmd.addAll(List.of("runuser", "-u", "nobody", "--")); // VLC refuses to run as root
                }
                cmd.addAll(List.of("cvlc", "-q", "--no-audio", "--no-video-title-show", "--vout=xcb_x11",
                        "--input-repeat=100000", "--width=640", "--height=360", clip.toString()));
                ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD);
                if (auth != null) {
                    pb.environment().put("XAUTHORITY", auth.toString());
                }
                players.add(pb.start());
            }
            Thread.sleep(warmup * 1000L);
            long c0 = treeCpuNanos(players);
            long t0 = System.nanoTime();
            Thread.sleep(measured * 1000L);
            long cpu = treeCpuNanos(players) - c0;
            return 100.0 * cpu / (System.nanoTime() - t0);
        } finally {
            for (Process p : players) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
            if (auth != null) {
                Files.deleteIfExists(auth);
            }
        }
    }

    /** A copy of this display's Xauthority that the user nobody can read, or null when there is none. */
    private static Path readableXauthority() throws Exception {
        String x = System.getenv("XAUTHORITY");
        if (x == null || !Files.isReadable(Path.of(x))) {
            return null;
        }
        Path copy = Files.createTempFile("shanzhi-bench-xauth", "");
        Files.copy(Path.of(x), copy, StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-r--r--"));
        return copy;
    }

    private static long treeCpuNanos(List<Process> roots) {
        long sum = 0;
        for (Process p : roots) {
            sum += cpu(p.toHandle());
            sum += p.descendants().mapToLong(VideoBench::cpu).sum();
        }
        return sum;
    }

    private static long cpu(ProcessHandle h) {
        return h.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    /**
     * CPU time of the FX thread (the pulse: timers, layout, the scene's sync) and of the renderer thread (drawing
     * the dirty part of the stage in software) per pulse: a cost that load on the machine does not inflate, unlike
     * pulses per second.
     */
    private static void perPulse(Figures figures, String prefix, long[] before, long[] after, long pulses) {
        if (pulses > 0) {
            figures.put(prefix + ".fx_cpu_ms_per_pulse", (after[0] - before[0]) / 1e6 / pulses, 1, "ms");
            figures.put(prefix + ".render_cpu_ms_per_pulse", (after[1] - before[1]) / 1e6 / pulses, 1, "ms");
        }
    }

    /** CPU time so far of the FX thread and of JavaFX's renderer thread. */
    private static long[] fxAndRendererCpuNanos() throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long fx = WallBench.onFx(() -> Thread.currentThread().getId());
        long render = WallBench.rendererThread();
        return new long[] {threads.getThreadCpuTime(fx), render < 0 ? 0 : threads.getThreadCpuTime(render)};
    }

    private static long processCpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    // --- alarm to first frame ------------------------------------------------------------------------

    private void alarms(Figures figures) throws Exception {
        int trials = quick ? 3 : 20;
        Path dir = Files.createTempDirectory("shanzhi-bench-video-hub");
        HeyiScenario heyi = HeyiScenario.loadDefault();
        try (HubRuntime runtime = HubRuntime.start(HubRuntime.Config.local(dir))) {
            Hub hub = runtime.hub();
            List<Hub.Pending> inventory = new ArrayList<>();
            for (Event e : heyi.inventory()) {
                inventory.add(new Hub.Pending(Instant.now(), e));
            }
            hub.append(inventory, Hub.Origin.system("bench"));
            List<Camera> ai = hub.situation().cameras().values().stream().filter(c -> c.ai() && c.online()).toList();
            try (HubFeed feed = new HubFeed(runtime.baseUrl(), runtime.tokens().tokenOf(Role.VIEWER)).start()) {
                WallContext context = new WallContext(feed::status, runtime.baseUrl(),
                        runtime.tokens().tokenOf(Role.VIEWER));
                Shown shown = show(placement(4, "key-points", 3600), context);
                // the wall's own pulse, with this one widget on it
                WallPulse pump = WallBench.onFx(() -> {
                    WallPulse p = new WallPulse(feed, feed::status, Clock.systemUTC(), shown.widget::show);
                    p.start();
                    return p;
                });
                await(() -> frames(shown.widget)[1] > 20, 30_000); // the first page plays
                long[] latencies = new long[trials];
                for (int i = 0; i < trials; i++) {
                    Camera c = ai.get(8 + i * 3 % (ai.size() - 8)); // off the first page
                    String id = "AL-BENCH-" + i;
                    long t0 = System.nanoTime();
                    hub.append(List.of(new Hub.Pending(Instant.now(), new Event.AiAlertRaised(id, c.id(), "占道经营",
                            "801", 0.9, List.of(new AiAlert.Box(0.3, 0.4, 0.2, 0.3, "摊位"))))),
                            Hub.Origin.system("bench"));
                    await(() -> {
                        VideoWidget.AlarmShown a = WallBench.onFx(shown.widget::alarmShown);
                        return a != null && a.alarmId().equals(id) && a.firstFrameNanos() != 0;
                    }, 30_000);
                    latencies[i] = WallBench.onFx(shown.widget::alarmShown).firstFrameNanos() - t0;
                    hub.append(List.of(new Hub.Pending(Instant.now(), new Event.AiAlertReviewed(id,
                            AiAlert.Review.REJECTED, null, null, null))), Hub.Origin.system("bench"));
                    await(() -> WallBench.onFx(shown.widget::alarmShown) == null, 10_000);
                    Thread.sleep(500);
                }
                WallBench.onFx(() -> {
                    pump.stop();
                    return null;
                });
                close(shown);
                Arrays.sort(latencies);
                Figures.note("video alarm to first frame, ms: {}", Arrays.stream(latencies)
                        .mapToObj(l -> Long.toString(l / 1_000_000)).toList());
                figures.put("video.alarm_to_first_frame_ms.p50", Figures.quantile(latencies, trials, 0.5) / 1e6, 0, "ms");
                figures.put("video.alarm_to_first_frame_ms.p99", Figures.quantile(latencies, trials, 0.99) / 1e6, 0, "ms");
            }
        }
    }

    // --- helpers -------------------------------------------------------------------------------------

    private record Shown(VideoWidget widget, Stage stage) {
    }

    private static Shown show(Placement placement, WallContext context) throws Exception {
        return WallBench.onFx(() -> {
            VideoWidget w = new VideoWidget(placement, context);
            Stage stage = new Stage();
            stage.setScene(new Scene((Parent) w.node(), 1920, 1080));
            stage.show();
            return new Shown(w, stage);
        });
    }

    private static void close(Shown shown) throws Exception {
        WallBench.onFx(() -> {
            shown.widget.closeStreams();
            shown.stage.close();
            return null;
        });
        Thread.sleep(1000); // players go back to the pool on libvlc's thread
    }

    private static long[] frames(VideoWidget w) throws Exception {
        return WallBench.onFx(w::frames);
    }

    private static Placement placement(int split, String group, int alarmSeconds) throws Exception {
        return new Placement(WidgetType.VIDEO, 1, 1, 1, 1, new ObjectMapper().readTree(
                "{\"split\":" + split + ",\"group\":\"" + group + "\",\"alarmSeconds\":" + alarmSeconds + "}"));
    }

    /**
     * A 25 fps H.264 clip of {@code seconds}: 15 s encoded (a key frame each second), then repeated by copying,
     * which takes no time (encoding 45 s of 1080p took over 5 minutes on a loaded machine).
     */
    private static Path clip(Path dir, String name, int width, int height, int seconds) throws Exception {
        Path part = dir.resolve("part-" + name);
        ffmpeg("-f", "lavfi", "-i", "testsrc=size=" + width + "x" + height + ":rate=25", "-t", "15", "-c:v", "libx264",
                "-pix_fmt", "yuv420p", "-g", "25", part.toString());
        Path out = dir.resolve(name);
        ffmpeg("-stream_loop", Integer.toString((seconds + 14) / 15 - 1), "-i", part.toString(), "-c", "copy",
                out.toString());
        Files.delete(part);
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-r--r--"));
        out.toFile().deleteOnExit();
        return out;
    }

    private static void ffmpeg(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-loglevel", "error", "-y"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).inheritIO().start();
        if (!p.waitFor(600, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("ffmpeg failed: " + cmd);
        }
    }

    private interface Check {
        boolean ok() throws Exception;
    }

    private static void await(Check check, long timeoutMs) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (!check.ok()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("video bench: timed out after " + timeoutMs + " ms");
            }
            Thread.sleep(2);
        }
    }

    private static boolean onPath(String name) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, name))) {
                return true;
            }
        }
        return false;
    }
}
