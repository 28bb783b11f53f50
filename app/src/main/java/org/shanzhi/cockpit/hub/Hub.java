package org.shanzhi.cockpit.hub;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.shanzhi.cockpit.domain.DrillThing;
import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.Recorded;
import org.shanzhi.cockpit.domain.Rejection;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.json.Json;
import org.shanzhi.cockpit.json.SnapshotWriter;

/**
 * The heart of the hub: one writer that validates events by folding them, writes them to the
 * journal, and only then makes them visible (situation, snapshot, stream). Restarted on the same
 * journal it folds it again and continues the sequence. On a journal several hubs share, the one
 * holding the journal's writer lock writes; the others follow ({@link #catchUp}) until they can
 * take it ({@link #tryTakeOver}).
 */
public final class Hub implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Hub.class);
    private static final int RING = 1 << 16;
    /** A stored event's JSON is at most this long: a subscriber catching up holds a few of them at a time. */
    static final int MAX_EVENT_CHARS = 256 * 1024;
    /** What one subscriber's step may hold in memory (at least one frame). */
    private static final long FRAMES_CHARS = 4L << 20;

    /** An event to append; a null time means "now" on the hub clock; {@code drill} the drill making it, if any. */
    public record Pending(Instant time, Event event, String drill) {
        public Pending(Instant time, Event event) {
            this(time, event, null);
        }
    }

    /**
     * An event with the JSON its journal row will hold, already proven to be what {@code Json.write} makes of it
     * (the shipped month, by its checksum): appended without serializing it again and reading it back.
     */
    public record Serialized(Instant time, Event event, String type, String payload) {
    }

    /** Who asked for an append and under which idempotency key (both optional). */
    public record Origin(String name, Role role, String action, String target, String idempotencyKey,
                         String requestHash) {
        public static Origin system(String name) {
            return new Origin(name, null, null, null, null, null);
        }
    }

    /** The event at {@code index} of a batch was refused; nothing of the batch was written. */
    public static final class BatchRejected extends RuntimeException {
        public final int index;
        public final Rejection rejection;

        BatchRejected(int index, Rejection rejection) {
            super(rejection.getMessage(), null, false, false);
            this.index = index;
            this.rejection = rejection;
        }
    }

    /** The idempotency key was used before; {@code sameRequest} says whether the body was the same. */
    public static final class Duplicate extends RuntimeException {
        public final Journal.Idempotency first;
        public final boolean sameRequest;

        Duplicate(Journal.Idempotency first, boolean sameRequest) {
            super("idempotency key already used", null, false, false);
            this.first = first;
            this.sameRequest = sameRequest;
        }
    }

    /** The journal holds an entry at {@code seq} that cannot be read back or folded: the hub cannot start past it. */
    public static final class UnreadableEntry extends IllegalStateException {
        public final long seq;
        public final String type;
        public final String reason;

        UnreadableEntry(long seq, String type, String reason) {
            super("the journal entry seq " + seq + " (" + type + ") cannot be replayed: " + reason
                    + ". To set it aside (it is kept in the journal's quarantine table) and start, run:"
                    + " java -jar shanzhi-cockpit.jar journal quarantine, with the same --data or --jdbc options");
            this.seq = seq;
            this.type = type;
            this.reason = reason;
        }
    }

    /** A stream frame and its length in UTF-8 (what a socket holds of it until written), counted once for every subscriber. */
    record Frame(long seq, String json, int bytes) {
        static Frame of(long seq, String json) {
            return new Frame(seq, json, utf8Length(json));
        }

        static int utf8Length(String s) {
            int n = 0;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                n += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
            }
            return n;
        }
    }

    /** A write came to a hub that follows the journal; {@code writer} is the writing hub's address, if known. */
    public static final class NotWriter extends RuntimeException {
        public final String writer;

        NotWriter(String writer) {
            super("this hub follows the journal and does not write"
                    + (writer == null ? "; no hub writes at this moment, try again shortly"
                    : "; the writing hub is " + writer), null, false, false);
            this.writer = writer;
        }
    }

    private final Journal journal;
    private final Function<Situation, HubClock> clockFor;
    private volatile HubClock clock;
    private volatile boolean writing;
    private volatile boolean catchingUp;
    private final Frame[] ring = new Frame[RING];
    private final Object headSignal = new Object();
    private final Instant startedAt = Instant.now();

    private volatile Situation situation;
    private volatile long head;
    private volatile PreparedSnapshot snapshot;
    private final SnapshotWriter snapshotWriter = new SnapshotWriter();

    /** Replays the journal, then asks {@code clockFor} which clock to run on from the replayed situation. */
    public Hub(Journal journal, Function<Situation, HubClock> clockFor) {
        this(journal, clockFor, null);
    }

    /**
     * Takes the journal's writer lock if it is free (naming this hub by {@code address}), then replays the
     * journal: a hub that got the lock writes from the journal's head, one that did not follows.
     */
    public Hub(Journal journal, Function<Situation, HubClock> clockFor, String address) {
        this.journal = journal;
        this.clockFor = clockFor;
        this.writing = journal.tryLockWriter(address);
        Situation s = journal.base(); // empty, but for a journal imported from a recording of a range
        long[] count = {0};
        long last = s.seq();
        while (true) {
            List<Journal.Row> rows = journal.readAfter(last, 10_000);
            if (rows.isEmpty()) {
                break;
            }
            for (Journal.Row r : rows) {
                s = replay(s, r);
                remember(r.seq(), Json.frame(r.seq(), r.time(), r.type(), r.payload(), r.drill()));
                count[0]++;
            }
            last = rows.get(rows.size() - 1).seq();
        }
        this.situation = s;
        this.head = s.seq();
        this.clock = clockFor.apply(s);
        if (count[0] > 0) {
            LOG.info("journal replayed: {} events, head {}", count[0], head);
        }
    }

    /** Whether this hub writes the journal (else it follows the hub that does). */
    public boolean writing() {
        return writing;
    }

    /**
     * Whether the scenario is still living the time before the hub's clock (a hub opened late in the day catches up in
     * slices): what runs on the hub's clock, such as the order timer, waits, as the situation is not yet at that time.
     */
    public boolean catchingUp() {
        return catchingUp;
    }

    public void catchingUp(boolean behind) {
        catchingUp = behind;
    }

    /**
     * A follower: folds what the writing hub added to the journal since this hub's head, and publishes it as the
     * writer's own appends are. Returns how many events it folded.
     */
    public synchronized int catchUp() {
        Situation s = situation;
        int folded = 0;
        while (true) {
            List<Journal.Row> rows = journal.readAfter(s.seq(), 10_000);
            if (rows.isEmpty()) {
                return folded;
            }
            for (Journal.Row r : rows) {
                s = replay(s, r);
            }
            publish(s, rows);
            folded += rows.size();
        }
    }

    /**
     * A follower: takes the writer lock if it is free, then folds the journal to its head (whatever the last
     * writer wrote before it died) and writes on from there, with the clock restarted from that situation as a
     * restarted hub's is. Returns whether this hub now writes.
     */
    public synchronized boolean tryTakeOver(String address) {
        if (writing) {
            return true;
        }
        if (!journal.tryLockWriter(address)) {
            return false;
        }
        catchUp();
        clock = clockFor.apply(situation);
        writing = true;
        LOG.info("this hub writes the journal now, from head {}", head);
        return true;
    }

    private void requireWriter() {
        if (!writing) {
            throw new NotWriter(journal.writerAddress().orElse(null));
        }
    }

    /** Writes rows; a lost writer lock makes this hub a follower, a failed write brings it to the journal's head. */
    private void write(List<Journal.Row> rows, String origin, Journal.AuditEntry audit, Journal.Idempotency idem) {
        try {
            journal.append(rows, origin, audit, idem);
        } catch (Journal.NotWriter e) {
            writing = false;
            LOG.error("{}: following the journal from now on", e.getMessage());
            throw new NotWriter(journal.writerAddress().orElse(null));
        } catch (RuntimeException e) {
            if (journal.shared()) {
                catchUp(); // the journal may hold what this hub has not folded yet (a seq taken): meet it there
            }
            throw e;
        }
    }

    /** Folds one journal entry, or says which entry stops the replay and why. */
    public static Situation replay(Situation s, Journal.Row r) {
        try {
            return s.apply(new Recorded(r.seq(), r.time(), Json.readEvent(r.type(), r.payload()), r.drill()));
        } catch (Rejection e) {
            throw new UnreadableEntry(r.seq(), r.type(), "the situation refuses it (" + e.field() + ": " + e.reason() + ")");
        } catch (RuntimeException e) {
            throw new UnreadableEntry(r.seq(), r.type(), e.getMessage());
        }
    }

    public Situation situation() {
        return situation;
    }

    public long head() {
        return head;
    }

    public HubClock clock() {
        return clock;
    }

    public Journal journal() {
        return journal;
    }

    public Instant startedAt() {
        return startedAt;
    }

    /**
     * Appends a batch atomically: every event must fold, or none is written ({@link BatchRejected}).
     * A used idempotency key raises {@link Duplicate}. Returns the recorded events. The events' JSON is
     * made and read back before the hub's lock is taken, so that callers do that work side by side.
     */
    public List<Recorded> append(List<Pending> batch, Origin origin) {
        List<Encoded> encoded = new ArrayList<>(batch.size());
        for (Pending p : batch) {
            encoded.add(Encoded.of(p.event()));
        }
        return append(s -> batch, encoded, origin);
    }

    /**
     * Like {@link #append(List, Origin)}, with the batch made from the current situation while the
     * hub holds its lock, so that ids and preconditions cannot race with other writers.
     */
    public List<Recorded> append(Function<Situation, List<Pending>> make, Origin origin) {
        return append(make, null, origin);
    }

    /** {@code encoded}: the batch's events as the journal stores them, made beforehand, or null to make them here. */
    private synchronized List<Recorded> append(Function<Situation, List<Pending>> make, List<Encoded> encoded,
                                               Origin origin) {
        requireWriter();
        if (origin.idempotencyKey() != null) {
            journal.idempotency(origin.idempotencyKey()).ifPresent(first -> {
                throw new Duplicate(first, first.requestHash().equals(origin.requestHash()));
            });
        }
        Situation s = situation;
        List<Pending> batch = make.apply(s);
        List<Recorded> recorded = new ArrayList<>(batch.size());
        List<Journal.Row> rows = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            Recorded r = recorded(batch.get(i), s);
            try {
                s = s.apply(r);
            } catch (Rejection e) {
                throw new BatchRejected(i, e);
            }
            recorded.add(r);
            Encoded e = encoded == null ? Encoded.of(r.event()) : encoded.get(i);
            if (e.refused() != null) {
                throw new BatchRejected(i, e.refused());
            }
            rows.add(new Journal.Row(r.seq(), r.time(), e.type(), e.payload(), r.drill()));
        }
        if (rows.isEmpty()) {
            return recorded;
        }
        long first = rows.get(0).seq();
        long last = s.seq();
        Journal.AuditEntry audit = origin.role() == null ? null : new Journal.AuditEntry(Instant.now(),
                origin.role().key(), origin.action(), origin.target(), origin.idempotencyKey(), first, last,
                summary(rows));
        Journal.Idempotency idem = origin.idempotencyKey() == null ? null : new Journal.Idempotency(
                origin.idempotencyKey(), origin.role() == null ? "system" : origin.role().key(),
                origin.requestHash(), first, last);
        write(rows, origin.name(), audit, idem);
        publish(s, rows);
        return recorded;
    }

    /** Records in the audit trail something a seat did that is not an event (a unit's credential issued or revoked). */
    public synchronized void audit(Origin origin, String detail) {
        requireWriter();
        write(List.of(), origin.name(), new Journal.AuditEntry(Instant.now(), origin.role().key(),
                origin.action(), origin.target(), null, 0, 0, detail), null);
    }

    /**
     * Appends what folds and drops what does not (logged): for producers such as the simulator,
     * whose plans people may overtake through commands. Returns how many were accepted.
     */
    public synchronized int appendEach(List<Pending> batch, String origin) {
        requireWriter();
        Situation s = situation;
        List<Journal.Row> rows = new ArrayList<>(batch.size());
        for (Pending p : batch) {
            Recorded r = recorded(p, s);
            Encoded e = Encoded.of(p.event());
            Situation next;
            try {
                if (e.refused() != null) {
                    throw e.refused();
                }
                next = s.apply(r);
            } catch (Rejection ex) {
                LOG.debug("{} event dropped: {} {}: {}", origin, Json.typeOf(p.event()), ex.field(), ex.reason());
                continue;
            }
            s = next;
            rows.add(new Journal.Row(r.seq(), r.time(), e.type(), e.payload(), r.drill()));
        }
        if (!rows.isEmpty()) {
            write(rows, origin, null, null);
            publish(s, rows);
        }
        return rows.size();
    }

    /**
     * Appends a batch of events whose journal form is already made and proven ({@link Serialized}), atomically as
     * {@link #append(List, Origin)}: every event must fold, or none is written. Returns how many were written.
     */
    public synchronized int appendSerialized(List<Serialized> batch, String origin) {
        requireWriter();
        Situation s = situation;
        List<Journal.Row> rows = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            Serialized e = batch.get(i);
            Recorded r = recorded(new Pending(e.time(), e.event()), s);
            try {
                s = s.apply(r);
            } catch (Rejection x) {
                throw new BatchRejected(i, x);
            }
            rows.add(new Journal.Row(r.seq(), r.time(), e.type(), e.payload(), r.drill()));
        }
        if (!rows.isEmpty()) {
            write(rows, origin, null, null);
            publish(s, rows);
        }
        return rows.size();
    }

    /**
     * An event as the journal stores it (its type and its JSON), or why it cannot be stored: it must
     * read back as the same event, for the journal must never hold what a restarted hub could not replay.
     */
    private record Encoded(String type, String payload, Rejection refused) {
        static Encoded of(Event event) {
            String type = Json.typeOf(event);
            String payload = Json.write(event);
            if (payload.length() > MAX_EVENT_CHARS) {
                return refused(new Rejection("payload", "an event may be at most " + MAX_EVENT_CHARS
                        + " characters of JSON; this one is " + payload.length()));
            }
            Event back;
            try {
                back = Json.readEvent(type, payload);
            } catch (IllegalStateException e) {
                back = null;
            }
            if (!event.equals(back)) {
                return refused(new Rejection("payload", "the event cannot be stored as sent: it would not read back the same"));
            }
            return new Encoded(type, payload, null);
        }

        private static Encoded refused(Rejection why) {
            return new Encoded(null, null, why);
        }
    }

    /**
     * The next recorded event. It carries the drill that made it, or else the drill of the thing it acts on:
     * trainees working a drill case (a dispatch, a triage, a unit's answer) are part of the drill's record.
     */
    private Recorded recorded(Pending p, Situation s) {
        String drill = p.drill() != null ? p.drill() : s.drillOf(DrillThing.subjectOf(p.event()));
        return new Recorded(s.seq() + 1, timeOf(p, s), p.event(), drill);
    }

    /** Event times are kept to the millisecond, the precision every journal database stores. */
    private Instant timeOf(Pending p, Situation s) {
        if (p.time() != null) {
            return p.time().truncatedTo(ChronoUnit.MILLIS);
        }
        Instant now = clock.now().truncatedTo(ChronoUnit.MILLIS);
        return now.isBefore(s.time()) ? s.time() : now;
    }

    private void publish(Situation s, List<Journal.Row> rows) {
        for (Journal.Row r : rows) {
            remember(r.seq(), Json.frame(r.seq(), r.time(), r.type(), r.payload(), r.drill()));
        }
        situation = s;
        head = s.seq();
        synchronized (headSignal) {
            headSignal.notifyAll();
        }
    }

    private void remember(long seq, String frame) {
        ring[(int) (seq & (RING - 1))] = Frame.of(seq, frame);
    }

    /** The stream frames after {@code after}, from memory when recent, else from the journal. */
    List<Frame> framesAfter(long after, int max) {
        long h = head;
        List<Frame> out = new ArrayList<>();
        long chars = 0;
        for (long seq = after + 1; seq <= h && out.size() < max && chars < FRAMES_CHARS; seq++) {
            Frame f = ring[(int) (seq & (RING - 1))];
            if (f == null || f.seq() != seq) {
                break;
            }
            out.add(f);
            chars += f.json().length();
        }
        if (out.isEmpty() && after < h) {
            for (Journal.Row r : journal.readAfter(after, max, FRAMES_CHARS)) {
                out.add(Frame.of(r.seq(), Json.frame(r.seq(), r.time(), r.type(), r.payload(), r.drill())));
            }
        }
        return out;
    }

    /** Blocks until the head passes {@code seq} or the timeout elapses. */
    void awaitBeyond(long seq, long timeoutMillis) throws InterruptedException {
        synchronized (headSignal) {
            if (head <= seq) {
                headSignal.wait(timeoutMillis);
            }
        }
    }

    /** {"seq": N, "situation": {...}} at the head. */
    public String snapshotJson() {
        return snapshotAtHead().text();
    }

    /** The snapshot at the head, prepared once per head (from the previous one where unchanged). */
    public PreparedSnapshot snapshotAtHead() {
        PreparedSnapshot cached = snapshot;
        if (cached != null && cached.seq() == situation.seq()) {
            return cached;
        }
        // one thread writes it; the others asking at the same time wait for that and take it
        synchronized (snapshotWriter) {
            Situation s = situation;
            cached = snapshot;
            if (cached == null || cached.seq() != s.seq()) {
                cached = PreparedSnapshot.of(s.seq(), snapshotWriter.write(s));
                snapshot = cached;
            }
            return cached;
        }
    }

    /**
     * The newest prepared snapshot, perhaps a little behind the head ({@link SnapshotPreparer} keeps it close);
     * prepared now if there is none yet.
     */
    public PreparedSnapshot newestSnapshot() {
        PreparedSnapshot cached = snapshot;
        return cached != null ? cached : snapshotAtHead();
    }

    private static String summary(List<Journal.Row> rows) {
        StringBuilder b = new StringBuilder();
        for (Journal.Row r : rows) {
            if (b.length() > 0) {
                b.append("; ");
            }
            b.append(r.type()).append(' ').append(r.payload());
            if (b.length() > 3500) {
                break;
            }
        }
        return b.toString();
    }

    @Override
    public void close() {
        synchronized (headSignal) {
            headSignal.notifyAll();
        }
        journal.close();
    }
}
