package org.shanzhi.cockpit.wall.map.layer;

import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A computation the map keeps off the FX thread (camera clusters, the heat image): asked for the result of a key, it
 * answers at once with the newest result it has, for this key or an older one, and computes the key on the map's
 * worker thread. The latest key asked wins: keys asked while one runs are not queued, only the last is computed
 * next. {@code onReady} runs on the worker thread when a result arrives; the map answers with a new frame.
 */
final class OffThread<K, V> {

    private static final Logger LOG = LoggerFactory.getLogger(OffThread.class);

    /** One daemon thread for every map of the process: the work is short and the FX thread never waits for it. */
    private static final ExecutorService WORKER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "map-work");
        t.setDaemon(true);
        return t;
    });

    private record Result<K, V>(K key, V value) {
    }

    private final Function<K, V> work;
    private final Runnable onReady;
    private volatile Result<K, V> done;
    private K wanted;
    private boolean running;

    OffThread(Function<K, V> work, Runnable onReady) {
        this.work = work;
        this.onReady = onReady;
    }

    /** The newest result (null before the first), after asking for {@code key} if that is not it. */
    V latest(K key) {
        Result<K, V> d = done;
        if (d == null || !Objects.equals(d.key(), key)) {
            ask(key);
        }
        return d == null ? null : d.value();
    }

    /** Whether the newest result is the one for {@code key}. */
    boolean has(K key) {
        Result<K, V> d = done;
        return d != null && Objects.equals(d.key(), key);
    }

    private synchronized void ask(K key) {
        wanted = key;
        if (!running) {
            running = true;
            WORKER.execute(this::run);
        }
    }

    private void run() {
        while (true) {
            K key;
            synchronized (this) {
                key = wanted;
                if (done != null && Objects.equals(done.key(), key)) {
                    running = false;
                    return;
                }
            }
            V value;
            try {
                value = work.apply(key);
            } catch (RuntimeException e) {
                // the map goes on with the last good result, and does not ask for this key again
                LOG.warn("map computation failed for {}", key, e);
                value = done == null ? null : done.value();
            }
            done = new Result<>(key, value);
            onReady.run();
        }
    }
}
