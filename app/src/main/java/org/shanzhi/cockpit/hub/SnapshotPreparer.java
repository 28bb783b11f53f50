package org.shanzhi.cockpit.hub;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the hub's prepared snapshot close behind its head, off the request threads, so a GET /api/v1/snapshot only
 * sends bytes: it prepares one as soon as the hub is ready, then, whenever the head has moved, {@link #SETTLE_MS}
 * after the change (a burst of events makes one snapshot) and at most every {@link #EVERY_MS}, or
 * {@link #CATCHING_UP_EVERY_MS} while the scenario catches up with the clock (nearly every record changes between two
 * snapshots then, and the catch-up needs the CPU). A client gets the newest prepared snapshot with its seq and streams
 * on from that seq, so being behind the head loses it nothing.
 */
final class SnapshotPreparer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotPreparer.class);
    static final long SETTLE_MS = 50;
    static final long EVERY_MS = 500;
    static final long CATCHING_UP_EVERY_MS = 5000;

    private final Hub hub;
    private final Thread thread;
    private volatile boolean closed;

    SnapshotPreparer(Hub hub) {
        this.hub = hub;
        this.thread = new Thread(this::run, "snapshot-preparer");
        thread.setDaemon(true);
    }

    SnapshotPreparer start() {
        thread.start();
        return this;
    }

    private void run() {
        try {
            while (!closed) {
                long started = System.nanoTime();
                try {
                    hub.snapshotAtHead();
                } catch (RuntimeException e) {
                    LOG.warn("preparing the snapshot failed this time: {}", e.toString()); // a GET prepares it then
                }
                pause(started);
                while (!closed && hub.head() <= hub.newestSnapshot().seq()) {
                    hub.awaitBeyond(hub.newestSnapshot().seq(), 1000);
                }
                Thread.sleep(SETTLE_MS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // closed
        }
    }

    /** Until the next snapshot is due from {@code started}: the longer period only while the catch-up lasts. */
    private void pause(long started) throws InterruptedException {
        while (!closed) {
            long every = hub.catchingUp() ? CATCHING_UP_EVERY_MS : EVERY_MS;
            long left = every - SETTLE_MS - (System.nanoTime() - started) / 1_000_000;
            if (left <= 0) {
                return;
            }
            Thread.sleep(Math.min(left, SETTLE_MS));
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
