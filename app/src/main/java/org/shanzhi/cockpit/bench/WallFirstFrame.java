package org.shanzhi.cockpit.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import javafx.application.Platform;

import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.feed.FeedStatus;
import org.shanzhi.cockpit.feed.HubFeed;
import org.shanzhi.cockpit.feed.SituationSource;
import org.shanzhi.cockpit.hub.HubClock;
import org.shanzhi.cockpit.hub.HubRuntime;
import org.shanzhi.cockpit.hub.Role;
import org.shanzhi.cockpit.hub.sim.HeyiScenario;
import org.shanzhi.cockpit.hub.sim.ScenarioRunner;
import org.shanzhi.cockpit.hub.sim.Simulator;
import org.shanzhi.cockpit.wall.WallApp;

/**
 * The child process of {@code wall.first_frame_ms}: what the default command does on a first start
 * (an embedded hub on a new journal with the Heyi scenario opening at 13:00 with the morning lived,
 * a {@link HubFeed} on it, {@link WallApp} with the laptop layout), on JavaFX's headless platform
 * unless {@code --display} is given (then the platform's own, e.g. GTK under xvfb-run). It prints
 * {@code first frame <seq> <ms>} after the first pulse that showed a situation, {@code day frame
 * <seq> <ms>} after the first that showed the morning up to the opening, and exits; {@code mark
 * <what> <ms>} lines on the way (main entered, hub up, inventory appended, the pump's first pulse).
 * The ms are its own count from the JVM's start.
 */
public final class WallFirstFrame {

    private WallFirstFrame() {
    }

    public static void main(String[] args) throws Exception {
        boolean display = args.length > 0 && args[0].equals("--display");
        if (!display) {
            WallBench.headless();
        }
        Path data = Files.createTempDirectory("shanzhi-bench-first-frame");
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        Consumer<String> mark = what ->
                System.out.println("mark " + what + " " + (System.currentTimeMillis() - jvmStart));
        mark.accept("main");
        Instant opening = Simulator.DEFAULT_START.plus(Duration.ofHours(7));
        HubRuntime runtime = HubRuntime.start(HubRuntime.Config.local(data)
                .withClock(s -> HubClock.simulated(s.seq() == 0 ? opening : s.time(), 1)));
        mark.accept("hub");
        runtime.attach(ScenarioRunner.start(runtime.hub(), HeyiScenario.loadDefault(), 1, Simulator.DEFAULT_START));
        mark.accept("inventory");
        String url = runtime.baseUrl();
        AtomicBoolean first = new AtomicBoolean();
        Instant lived = opening.minus(Duration.ofMinutes(1)); // the simulator's last event of the morning
        try (HubFeed feed = new HubFeed(url, runtime.tokens().tokenOf(Role.VIEWER)).start()) {
            AtomicBoolean pumping = new AtomicBoolean();
            ShownSource shown = new ShownSource(feed, s -> {
                long ms = System.currentTimeMillis() - jvmStart;
                if (first.compareAndSet(false, true)) {
                    System.out.println("first frame " + s.seq() + " " + ms);
                }
                if (!s.time().isBefore(lived)) {
                    System.out.println("day frame " + s.seq() + " " + ms);
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
                        mark.accept("pump");
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
            runtime.close();
            TempDirs.delete(data);
        }
        System.exit(0);
    }
}
