package org.shanzhi.cockpit.hub;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On a journal several hubs share: while this hub follows, it folds what the writing hub adds and asks for the
 * writer lock, ten times a second; once it has the lock it writes on ({@code onWrite}: the scenario and whatever
 * else only the writer runs). A writer that loses its lock follows again ({@code onFollow} stops what it ran).
 */
final class JournalFollower implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JournalFollower.class);
    static final long PERIOD_MS = 100;

    private final Hub hub;
    private final String address;
    private final Runnable onWrite;
    private final Runnable onFollow;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "journal-follower");
        t.setDaemon(true);
        return t;
    });
    private boolean wasWriting;
    private String lastFailure;

    JournalFollower(Hub hub, String address, Runnable onWrite, Runnable onFollow) {
        this.hub = hub;
        this.address = address;
        this.onWrite = onWrite;
        this.onFollow = onFollow;
        this.wasWriting = hub.writing();
    }

    JournalFollower start() {
        timer.scheduleWithFixedDelay(this::tick, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
        return this;
    }

    private void tick() {
        try {
            if (hub.writing()) {
                return;
            }
            if (wasWriting) {
                wasWriting = false;
                onFollow.run();
            }
            if (hub.tryTakeOver(address)) {
                wasWriting = true;
                onWrite.run();
            } else {
                hub.catchUp();
            }
            lastFailure = null;
        } catch (RuntimeException e) {
            // the database may be away for a while: say so once, and keep trying
            if (!e.toString().equals(lastFailure)) {
                LOG.warn("following the journal failed, trying again: {}", e.toString());
                lastFailure = e.toString();
            }
        }
    }

    @Override
    public void close() {
        timer.shutdown(); // no interrupt: a takeover may be folding
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
