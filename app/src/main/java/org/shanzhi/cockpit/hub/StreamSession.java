package org.shanzhi.cockpit.hub;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.shanzhi.cockpit.json.StreamClose;

/**
 * One WebSocket subscriber: a daemon thread that sends every frame after {@code since} in order,
 * from memory or the journal, then waits for the head to move. Nothing is queued per subscriber
 * but what the socket has not taken yet, at most {@link HubLimits#streamBytesInFlight()}, so a
 * slow one lags (reading the journal) instead of losing events or stalling the hub; one that
 * leaves them untaken for {@link HubLimits#streamStall()} is dropped. A batched subscriber gets
 * JSON arrays of the frames that are ready (one message per wake-up instead of one per event),
 * which is what keeps ten walls fed at tens of thousands of events a second.
 */
final class StreamSession implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamSession.class);
    private static final int BATCH = 1000;
    /** A batched message ends with the frame that reaches this length, so that many fit in flight. */
    private static final int BATCH_CHARS = 64 * 1024;

    private final Hub hub;
    private final Session session;
    private final boolean batched;
    private final BatchMessages messages;
    /** The unit whose own token opened this stream, or null. */
    private final String unitId;
    /** The frames this subscriber is sent (a unit's own token: those about its unit), null for all. */
    private final Predicate<String> wanted;
    private final int bytesAllowed;
    private final Duration stall;
    /** Bytes that may still be handed to the socket. */
    private final Semaphore room;
    private volatile boolean open = true;
    private volatile Throwable failure;
    /** The seq of the last frame the socket has written. */
    private volatile long written;
    private long sent;

    StreamSession(Hub hub, Session session, long since, boolean batched, String unitId, HubLimits limits,
                  BatchMessages messages) {
        this.hub = hub;
        this.messages = messages;
        this.session = session;
        this.unitId = unitId;
        this.wanted = unitId == null ? null : new UnitFrames(hub, unitId);
        this.sent = since;
        this.written = since;
        this.batched = batched;
        this.bytesAllowed = limits.streamBytesInFlight();
        this.stall = limits.streamStall();
        this.room = new Semaphore(bytesAllowed);
    }

    void start(String name) {
        Thread t = new Thread(this, name);
        t.setDaemon(true);
        t.start();
    }

    void stop() {
        open = false;
    }

    String unitId() {
        return unitId;
    }

    /** Stops sending and closes the socket, saying why. */
    void close(StreamClose why, String detail) {
        open = false;
        session.close(why.code, why.reason(detail), Callback.NOOP);
    }

    /** Bytes handed to the socket that it has not written yet. */
    int bytesInFlight() {
        return bytesAllowed - room.availablePermits();
    }

    private static final class TooSlow extends Exception {
        TooSlow() {
            super(null, null, false, false);
        }
    }

    /** Hands the message of {@code utf8Bytes} ending with frame {@code lastSeq} to the socket, once it has room for them. */
    private void send(String message, int utf8Bytes, long lastSeq) throws InterruptedException, TooSlow {
        int bytes = Math.min(utf8Bytes, bytesAllowed); // a single larger message goes alone
        if (!room.tryAcquire(bytes, stall.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new TooSlow();
        }
        session.sendText(message, Callback.from(() -> {
            written = lastSeq;
            room.release(bytes);
        }, err -> {
            failure = err;
            room.release(bytes);
        }));
    }

    @Override
    public void run() {
        try {
            while (open && session.isOpen()) {
                List<Hub.Frame> frames = hub.framesAfter(sent, BATCH);
                if (frames.isEmpty()) {
                    hub.awaitBeyond(sent, 1000);
                    continue;
                }
                List<Hub.Frame> out = frames;
                if (wanted != null) {
                    out = new ArrayList<>();
                    for (Hub.Frame f : frames) {
                        if (wanted.test(f.json())) {
                            out.add(f);
                        }
                    }
                }
                if (batched) {
                    sendBatches(out);
                } else {
                    for (Hub.Frame f : out) {
                        send(f.json(), f.bytes(), f.seq());
                    }
                }
                sent += frames.size();
                if (failure != null) {
                    LOG.debug("stream send failed: {}", failure.toString());
                    session.close(StreamClose.SEND_FAILED.code, StreamClose.SEND_FAILED.reason("resume from the last seq received"),
                            Callback.NOOP);
                    return;
                }
            }
        } catch (TooSlow e) {
            drop(StreamClose.TOO_SLOW.reason("subscriber too slow; resume with since=" + written));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("stream session ended: {}", e.toString());
            session.close(StreamClose.SERVER_ERROR.code, StreamClose.SERVER_ERROR.reason("resume from the last seq received"),
                    Callback.NOOP);
        }
    }

    /**
     * Sends {@code frames} as JSON arrays of about {@link #BATCH_CHARS} each; a subscriber of every frame shares each
     * array with the others sending the same frames.
     */
    private void sendBatches(List<Hub.Frame> frames) throws InterruptedException, TooSlow {
        int i = 0;
        while (i < frames.size()) {
            int from = i;
            long chars = frames.get(i++).json().length();
            while (i < frames.size() && chars < BATCH_CHARS) {
                chars += frames.get(i++).json().length() + 1;
            }
            BatchMessages.Message m = wanted == null ? messages.of(frames, from, i) : BatchMessages.make(frames, from, i);
            send(m.json(), m.bytes(), m.last());
        }
    }

    /** Closes with 1008, and cuts the connection if even the close frame is not taken within the stall time. */
    private void drop(String reason) {
        CountDownLatch closed = new CountDownLatch(1);
        session.close(StreamClose.TOO_SLOW.code, reason, Callback.from(closed::countDown, err -> closed.countDown()));
        try {
            if (!closed.await(stall.toMillis(), TimeUnit.MILLISECONDS)) {
                session.disconnect();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            session.disconnect();
        }
    }
}
