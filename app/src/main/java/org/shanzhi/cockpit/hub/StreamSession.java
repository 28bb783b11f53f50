package org.shanzhi.cockpit.hub;

import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket subscriber: a daemon thread that sends every frame after {@code since} in order,
 * from memory or the journal, then waits for the head to move. Nothing is queued per subscriber,
 * so a slow one lags (reading the journal) instead of losing events or stalling the hub.
 */
final class StreamSession implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamSession.class);
    private static final int BATCH = 1000;
    private static final int IN_FLIGHT = 256;

    private final Hub hub;
    private final Session session;
    private final Semaphore inFlight = new Semaphore(IN_FLIGHT);
    private volatile boolean open = true;
    private volatile Throwable failure;
    private long sent;

    StreamSession(Hub hub, Session session, long since) {
        this.hub = hub;
        this.session = session;
        this.sent = since;
    }

    void start(String name) {
        Thread t = new Thread(this, name);
        t.setDaemon(true);
        t.start();
    }

    void stop() {
        open = false;
    }

    @Override
    public void run() {
        try {
            while (open && session.isOpen()) {
                List<String> frames = hub.framesAfter(sent, BATCH);
                if (frames.isEmpty()) {
                    hub.awaitBeyond(sent, 1000);
                    continue;
                }
                for (String f : frames) {
                    if (!inFlight.tryAcquire(30, TimeUnit.SECONDS)) {
                        session.close(1008, "subscriber too slow; resume with since=" + sent, Callback.NOOP);
                        return;
                    }
                    session.sendText(f, Callback.from(inFlight::release, err -> {
                        failure = err;
                        inFlight.release();
                    }));
                    sent++;
                }
                if (failure != null) {
                    LOG.debug("stream send failed: {}", failure.toString());
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("stream session ended: {}", e.toString());
            session.close(1011, "server error: " + e.getMessage(), Callback.NOOP);
        }
    }
}
