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
 * so a slow one lags (reading the journal) instead of losing events or stalling the hub. A
 * batched subscriber gets JSON arrays of the frames that are ready (one message per wake-up
 * instead of one per event), which is what keeps ten walls fed at tens of thousands of events
 * a second.
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
    private final boolean batched;
    private long sent;

    StreamSession(Hub hub, Session session, long since, boolean batched) {
        this.hub = hub;
        this.session = session;
        this.sent = since;
        this.batched = batched;
    }

    void start(String name) {
        Thread t = new Thread(this, name);
        t.setDaemon(true);
        t.start();
    }

    void stop() {
        open = false;
    }

    private static final class TooSlow extends Exception {
        TooSlow() {
            super(null, null, false, false);
        }
    }

    private void send(String message) throws InterruptedException, TooSlow {
        if (!inFlight.tryAcquire(30, TimeUnit.SECONDS)) {
            throw new TooSlow();
        }
        session.sendText(message, Callback.from(inFlight::release, err -> {
            failure = err;
            inFlight.release();
        }));
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
                if (batched) {
                    send("[" + String.join(",", frames) + "]");
                    sent += frames.size();
                } else {
                    for (String f : frames) {
                        send(f);
                        sent++;
                    }
                }
                if (failure != null) {
                    LOG.debug("stream send failed: {}", failure.toString());
                    session.close(1011, "send failed; resume from the last seq received", Callback.NOOP);
                    return;
                }
            }
        } catch (TooSlow e) {
            session.close(1008, "subscriber too slow; resume with since=" + sent, Callback.NOOP);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("stream session ended: {}", e.toString());
            session.close(1011, "server error: " + e.getMessage(), Callback.NOOP);
        }
    }
}
