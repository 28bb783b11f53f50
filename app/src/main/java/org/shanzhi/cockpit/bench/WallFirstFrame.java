package org.shanzhi.cockpit.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import javafx.application.Platform;

import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.feed.FeedStatus;
import org.shanzhi.cockpit.feed.HubFeed;
import org.shanzhi.cockpit.feed.SituationCache;
import org.shanzhi.cockpit.feed.SituationSource;
import org.shanzhi.cockpit.hub.HubClock;
import org.shanzhi.cockpit.hub.HubRuntime;
import org.shanzhi.cockpit.hub.Role;
import org.shanzhi.cockpit.hub.Tokens;
import org.shanzhi.cockpit.hub.sim.HeyiScenario;
import org.shanzhi.cockpit.hub.sim.ScenarioRunner;
import org.shanzhi.cockpit.hub.sim.Simulator;
import org.shanzhi.cockpit.wall.WallApp;

/**
 * The child process of {@code wall.first_frame_ms}: what the default command does on a first start
 * (an embedded hub on a new journal and a fixed port, started beside the wall as the default command does, with the Heyi
 * scenario opening at 13:00 with the morning lived; a {@link HubFeed} on it from the start; {@link WallApp} with the laptop
 * layout), on JavaFX's headless platform unless {@code --display} is given (then the platform's own, e.g. GTK under
 * xvfb-run). With {@code --data DIR} it runs on that data directory and leaves it (a second run there is a restart:
 * its hub replays the journal, and the wall paints the situation the first run kept, {@code feed/SituationCache});
 * else on a new one, deleted after. It prints {@code first frame <seq> <ms> kept|live cpu <ms>} after the first pulse that showed
 * a situation (the kept picture, or the hub's), {@code day frame <seq> <ms>} after the first that showed the morning up
 * to the opening from the hub, and exits; {@code mark <stage> <ms>} lines on
 * the way: {@code main} (this method entered), {@code fx} (the JavaFX toolkit accepts work), {@code hub} (the hub
 * ready: listening, the inventory in), {@code snapshot} (the feed holds its first situation), {@code pulse} (the wall's
 * first pulse: its windows are open). The ms are its own count from the JVM's start; {@code cpu <ms>} with the day frame
 * is the process's CPU time by then (on a busy machine a sturdier figure than the elapsed time).
 */
public final class WallFirstFrame {

    private WallFirstFrame() {
    }

    public static void main(String[] args) throws Exception {
        List<String> options = List.of(args);
        boolean display = options.contains("--display");
        if (!display) {
            WallBench.headless();
        }
        int dataAt = options.indexOf("--data");
        Path data = dataAt >= 0 ? Path.of(options.get(dataAt + 1)) : Files.createTempDirectory("shanzhi-bench-first-frame");
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        Consumer<String> mark = what ->
                System.out.println("mark " + what + " " + (System.currentTimeMillis() - jvmStart));
        mark.accept("main");
        Instant opening = Simulator.DEFAULT_START.plus(Duration.ofHours(7));
        int port = freePort();
        HubRuntime.Config config = HubRuntime.Config.local(data).withPort(port)
                .withClock(s -> HubClock.simulated(s.seq() == 0 ? opening : s.time(), 1));
        String token = Tokens.loadOrCreate(config.tokens()).tokenOf(Role.VIEWER);
        // as the default command: the hub starts once the wall has painted the situation it kept, or at once without one
        CompletableFuture<Void> painted = new CompletableFuture<>();
        CompletableFuture<HubRuntime> hub = painted.thenApplyAsync(none -> {
            HubRuntime runtime = HubRuntime.start(config, r -> ScenarioRunner.start(r.hub(),
                    HeyiScenario.loadDefault(), 1, Simulator.DEFAULT_START));
            mark.accept("hub");
            return runtime;
        });
        String url = "http://127.0.0.1:" + port;
        AtomicBoolean first = new AtomicBoolean();
        Instant lived = opening.minus(Duration.ofMinutes(1)); // the simulator's last event of the morning
        try (HubFeed feed = new HubFeed(url, token).start();
             SituationCache cache = new SituationCache(feed, data.resolve("wall").resolve("situation.gz"))) {
            cache.firstPicture().thenRun(() -> painted.complete(null));
            watch(feed, mark);
            AtomicBoolean pumping = new AtomicBoolean();
            ShownSource shown = new ShownSource(cache, s -> {
                long ms = System.currentTimeMillis() - jvmStart;
                boolean kept = cache.kept() != null && s == cache.kept().situation();
                if (first.compareAndSet(false, true)) {
                    System.out.println("first frame " + s.seq() + " " + ms + (kept ? " kept" : " live") + " cpu " + cpuMs());
                }
                if (!kept && !s.time().isBefore(lived)) {
                    System.out.println("day frame " + s.seq() + " " + ms + " cpu " + cpuMs());
                    System.out.flush();
                    Platform.exit();
                }
            });
            SituationSource marked = new SituationSource() {
                @Override
                public Situation latest() {
                    return shown.latest();
                }

                @Override
                public long version() {
                    if (pumping.compareAndSet(false, true)) {
                        mark.accept("pulse");
                    }
                    return shown.version();
                }

                @Override
                public FeedStatus status() {
                    return shown.status();
                }
            };
            WallApp.run(new WallApp.Options(marked, url, "laptop", Locale.forLanguageTag("zh-CN")));
        } finally {
            painted.complete(null);
            hub.join().close();
            if (dataAt < 0) {
                TempDirs.delete(data);
            }
        }
        System.exit(0);
    }

    /** The process's CPU time so far, in ms. */
    private static long cpuMs() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1_000_000;
    }

    /** Marks {@code fx} when the toolkit first accepts a runnable and {@code snapshot} when the feed first holds one. */
    private static void watch(HubFeed feed, Consumer<String> mark) {
        Thread t = new Thread(() -> {
            boolean fx = false;
            boolean snapshot = false;
            while (!fx || !snapshot) {
                if (!fx) {
                    try {
                        Platform.runLater(() -> { });
                        fx = true;
                        mark.accept("fx");
                    } catch (IllegalStateException notYet) {
                        // the toolkit is not initialised yet
                    }
                }
                if (!snapshot && feed.latest() != null) {
                    snapshot = true;
                    mark.accept("snapshot");
                }
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "first-frame-marks");
        t.setDaemon(true);
        t.start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
