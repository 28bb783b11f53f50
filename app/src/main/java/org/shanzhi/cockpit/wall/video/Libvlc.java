package org.shanzhi.cockpit.wall.video;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.co.caprica.vlcj.factory.MediaPlayerFactory;
import uk.co.caprica.vlcj.factory.discovery.NativeDiscovery;
import uk.co.caprica.vlcj.player.embedded.EmbeddedMediaPlayer;

/**
 * The system's libvlc, found once per process: one factory, a pool of idle players, and the one thread that calls
 * libvlc (play, stop, pause, release), so that neither the FX thread nor libvlc's own callbacks ever do. The same
 * thread runs the watchdog that notices stalled streams and due retries, once a second.
 */
final class Libvlc {

    private static final Logger LOG = LoggerFactory.getLogger(Libvlc.class);
    /** What to install where discovery finds nothing (Debian/Ubuntu package names). */
    static final String INSTALL = "apt-get install libvlc5 vlc-plugin-base";
    private static final int IDLE_PLAYERS = 16;
    private static volatile Libvlc shared;

    private final MediaPlayerFactory factory;
    private final String missing;
    private final ScheduledExecutorService control;
    private final Deque<EmbeddedMediaPlayer> idle = new ArrayDeque<>();
    private final Set<VlcPlayback> watched = ConcurrentHashMap.newKeySet();

    private Libvlc(MediaPlayerFactory factory, String missing) {
        this.factory = factory;
        this.missing = missing;
        if (factory == null) {
            control = null;
            return;
        }
        control = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "libvlc control");
            t.setDaemon(true);
            return t;
        });
        control.scheduleWithFixedDelay(this::watch, 1, 1, TimeUnit.SECONDS);
    }

    /** The process's libvlc, discovered on first use. */
    static Libvlc shared() {
        Libvlc l = shared;
        if (l == null) {
            synchronized (Libvlc.class) {
                if (shared == null) {
                    shared = discover();
                }
                l = shared;
            }
        }
        return l;
    }

    /** Finds libvlc on a thread of its own, so that the first video widget does not wait for it on the FX thread. */
    static void discoverInBackground() {
        Thread t = new Thread(Libvlc::shared, "libvlc discovery");
        t.setDaemon(true);
        t.start();
    }

    /** A libvlc that is not there, saying {@code why}: the path of a machine without it. */
    static Libvlc absent(String why) {
        return new Libvlc(null, why);
    }

    private static Libvlc discover() {
        try {
            if (!new NativeDiscovery().discover()) {
                LOG.warn("libvlc not found ({}): video tiles play MJPEG only", INSTALL);
                return absent("libvlc not found");
            }
            // the wall's video is pictures only: no audio output, no title over the picture
            MediaPlayerFactory f = new MediaPlayerFactory("--quiet", "--no-audio", "--no-video-title-show",
                    "--no-snapshot-preview", "--no-osd", "--no-lua"); // stats stay on: the watchdog reads them
            LOG.info("libvlc {}", f.application().version());
            return new Libvlc(f, null);
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("libvlc unusable: {}", e.toString());
            return absent("libvlc unusable: " + e.getMessage());
        }
    }

    boolean available() {
        return factory != null;
    }

    /** Why there is no libvlc (null when there is one). */
    String missing() {
        return missing;
    }

    MediaPlayerFactory factory() {
        return factory;
    }

    /** Runs {@code task} on the libvlc thread; a failure is logged, never thrown at the caller. */
    void run(Runnable task) {
        control.execute(() -> {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                LOG.warn("libvlc call failed", e);
            }
        });
    }

    /** libvlc thread: an idle player, or a new one. */
    EmbeddedMediaPlayer borrow() {
        EmbeddedMediaPlayer p = idle.pollFirst();
        return p != null ? p : factory.mediaPlayers().newEmbeddedMediaPlayer();
    }

    /** libvlc thread: a stopped player goes back to the pool, or is released when the pool is full. */
    void giveBack(EmbeddedMediaPlayer p) {
        if (idle.size() < IDLE_PLAYERS) {
            idle.addFirst(p);
        } else {
            p.release();
        }
    }

    /** Players alive, idle ones included (diagnostics and tests). */
    int idlePlayers() {
        return idle.size();
    }

    void watch(VlcPlayback p) {
        watched.add(p);
    }

    void unwatch(VlcPlayback p) {
        watched.remove(p);
    }

    private void watch() {
        long now = System.nanoTime();
        for (VlcPlayback p : watched) {
            try {
                p.check(now);
            } catch (RuntimeException | Error e) { // an escaped throwable would end the watchdog for good
                LOG.warn("watchdog of {}", p.url(), e);
            }
        }
    }
}
