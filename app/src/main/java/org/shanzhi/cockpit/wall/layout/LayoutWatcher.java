package org.shanzhi.cockpit.wall.layout;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a layouts directory and reads a layout again when its file is written, once the file has
 * been quiet for the debounce time (editors save in several writes, or write a temporary file and
 * rename it). Deleting a file is ignored: the wall keeps what it shows.
 */
public final class LayoutWatcher implements AutoCloseable {

    /** Called on the watcher's own daemon thread; the wall hands the result to the FX thread. */
    @FunctionalInterface
    public interface Listener {
        /** A layout file changed: the layout as it now reads, or why it is refused (keep the current one then). */
        void changed(LayoutResult result);
    }

    public static final Duration DEBOUNCE = Duration.ofMillis(300);
    private static final Logger log = LoggerFactory.getLogger(LayoutWatcher.class);

    private final LayoutLoader loader;
    private final Path directory;
    private final Listener listener;
    private final long debounceMillis;
    private final WatchService service;
    private final Thread thread;

    private LayoutWatcher(LayoutLoader loader, Listener listener, Duration debounce) throws IOException {
        this.loader = loader;
        this.directory = loader.directory().orElseThrow(
                () -> new IllegalArgumentException("layouts inside the jar cannot change; nothing to watch"));
        this.listener = listener;
        this.debounceMillis = debounce.toMillis();
        this.service = directory.getFileSystem().newWatchService();
        directory.register(service, ENTRY_CREATE, ENTRY_MODIFY);
        this.thread = new Thread(this::run, "layout-watcher");
        thread.setDaemon(true);
    }

    /** Starts watching the loader's directory. */
    public static LayoutWatcher start(LayoutLoader loader, Listener listener) throws IOException {
        return start(loader, listener, DEBOUNCE);
    }

    public static LayoutWatcher start(LayoutLoader loader, Listener listener, Duration debounce) throws IOException {
        LayoutWatcher watcher = new LayoutWatcher(loader, listener, debounce);
        watcher.thread.start();
        return watcher;
    }

    public Path directory() {
        return directory;
    }

    private void run() {
        Set<String> pending = new LinkedHashSet<>();
        try {
            while (true) {
                // wait for a change; once one is pending, wait until the directory is quiet
                WatchKey key = pending.isEmpty() ? service.take() : service.poll(debounceMillis, TimeUnit.MILLISECONDS);
                if (key == null) {
                    for (String name : pending) {
                        deliver(name);
                    }
                    pending.clear();
                    continue;
                }
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.kind() == OVERFLOW) {
                        pending.addAll(loader.available());
                    } else if (event.context() instanceof Path) {
                        String file = ((Path) event.context()).getFileName().toString();
                        if (LayoutLoader.isLayoutFile(file)) {
                            pending.add(LayoutLoader.baseName(file));
                        }
                    }
                }
                if (!key.reset()) {
                    log.warn("layouts directory {} is no longer watchable; layout reload stops", directory);
                    return;
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException stop) {
            // closed: the thread ends
        }
    }

    private void deliver(String name) {
        try {
            listener.changed(loader.load(name));
        } catch (RuntimeException e) {
            log.error("layout listener failed on {}", name, e);
        }
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException e) {
            log.debug("closing the layout watch service", e);
        }
        thread.interrupt();
    }
}
