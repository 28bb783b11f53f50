package org.shanzhi.cockpit.hub;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.flywaydb.core.Flyway;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.json.Json;

/**
 * The durable record of every accepted event, with the audit trail and the idempotency keys, in
 * an SQL database (H2 embedded by default, PostgreSQL given its JDBC URL). The schema is
 * migrated by Flyway on open. Appends are serialized by the caller (the {@link Hub}).
 */
public final class Journal implements AutoCloseable {

    /** An event as stored: the payload is the event's JSON without its type; {@code drill} as {@code Recorded.drill}. */
    public record Row(long seq, Instant time, String type, String payload, String drill) {
    }

    public record AuditEntry(Instant at, String role, String action, String target, String idempotencyKey,
                             long firstSeq, long lastSeq, String detail) {
    }

    public record Idempotency(String key, String role, String requestHash, long firstSeq, long lastSeq) {
    }

    /** This hub no longer holds the writer lock: another hub may be writing, so this one must not. */
    public static final class NotWriter extends IllegalStateException {
        NotWriter(String message) {
            super(message);
        }
    }

    /**
     * The writer lock: a PostgreSQL advisory lock (two keys, so it shows in pg_locks as classid, objid and
     * objsubid 2). A session holds it until it ends, so a hub that dies (even SIGKILLed) lets it go.
     */
    private static final int LOCK_CLASS = 0x5348_5A48; // "SHZH"
    private static final int LOCK_ID = 1;

    private final String url;
    private final String user;
    private final String password;
    private final Connection writer;
    /** The session that holds (or asks for) the writer lock on a shared journal; null until asked. */
    private Connection lockSession;
    private int lockPid;
    private volatile boolean holdsLock;
    private static final int MAX_READERS = 8;
    /** The longest part of the base situation's JSON in one row (H2's longest text). */
    private static final int BASE_PART = 1_000_000;
    private final Semaphore readers = new Semaphore(MAX_READERS);
    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);
    /** At most this much live data of old H2 chunks is rewritten together each second (see {@link #rewriteOldChunks}). */
    private static final int REWRITE_BYTES = 1 << 20;
    /** Rewrites an H2 file journal's old chunks; null for PostgreSQL. */
    private final ScheduledExecutorService housekeeping;

    private Journal(String url, String user, String password) throws SQLException {
        this.url = url;
        this.user = user;
        this.password = password;
        this.writer = connect();
        this.writer.setAutoCommit(false);
        this.housekeeping = h2FileStore(writer).map(Journal::startHousekeeping).orElse(null);
    }

    /** The MVStore under an embedded H2 file database; empty for PostgreSQL and H2 in memory. */
    private static Optional<MVStore> h2FileStore(Connection c) throws SQLException {
        if (!c.isWrapperFor(JdbcConnection.class)
                || !(c.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
            return Optional.empty();
        }
        MVStore store = session.getDatabase().getStore().getMvStore();
        return store.getFileStore() == null ? Optional.empty() : Optional.of(store);
    }

    private static ScheduledExecutorService startHousekeeping(MVStore store) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "journal-housekeeping");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> rewriteOldChunks(store), 1, 1, TimeUnit.SECONDS);
        return timer;
    }

    /**
     * Every commit writes a chunk of its own, and a chunk that still holds a live page (a leaf the journal's rows
     * filled) stays in H2's memory and file for good until its pages are rewritten into a newer chunk. H2's
     * background writer does that, but with WRITE_DELAY=0 it does not run; so this does it: the pages of the least
     * filled chunks older than H2's retention time go into one chunk, and the chunks they leave are dropped.
     */
    private static void rewriteOldChunks(MVStore store) {
        try {
            if (store.compact(100, REWRITE_BYTES)) {
                store.commit();
            }
        } catch (RuntimeException e) {
            LOG.warn("the journal's old chunks were not rewritten this time: {}", e.toString());
        }
    }

    /** Opens (and migrates) the journal at a JDBC URL. */
    public static Journal open(String url, String user, String password) {
        Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").load().migrate();
        try {
            return new Journal(url, user, password);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the journal at " + url + ": " + e.getMessage(), e);
        }
    }

    /**
     * The H2 file database under a data directory. WRITE_DELAY=0 writes every commit to the file
     * at once, so an event acknowledged to a client survives a crash of the process (and stops H2's
     * background writer, whose chunk housekeeping the journal does itself). The "async"
     * file system is immune to Thread.interrupt(), which would otherwise close H2's file channel
     * under a writer (a stopping server interrupts its threads) and corrupt the store.
     * DB_CLOSE_ON_EXIT=FALSE: on Ctrl+C or SIGTERM the hub's own shutdown hook stops the scenario
     * and the server first, then closes the journal (H2's hook would close it under them).
     */
    public static String h2Url(Path dataDir) {
        // the hub closes the journal itself on shutdown, after its writers have stopped
        return "jdbc:h2:async:" + dataDir.toAbsolutePath().resolve("journal") + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /**
     * Whether several hubs may open this journal at once (PostgreSQL, over the network): then only the holder of
     * the writer lock writes. An H2 file is opened by one process, which always writes.
     */
    public boolean shared() {
        return url.startsWith("jdbc:postgresql:");
    }

    /**
     * Takes the writer lock if no other hub holds it, on a session of its own kept open while this hub writes.
     * {@code address} is how clients reach this hub; the lock's session carries it for {@link #writerAddress}.
     */
    public synchronized boolean tryLockWriter(String address) {
        if (!shared()) {
            return true;
        }
        if (holdsLock) {
            return true;
        }
        try {
            if (lockSession == null || !lockSession.isValid(2)) {
                closeQuietly(lockSession);
                lockSession = connect();
                lockSession.setAutoCommit(true);
                try (ResultSet rs = lockSession.createStatement().executeQuery("SELECT pg_backend_pid()")) {
                    rs.next();
                    lockPid = rs.getInt(1);
                }
            }
            advertise(address);
            try (PreparedStatement st = lockSession.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
                st.setInt(1, LOCK_CLASS);
                st.setInt(2, LOCK_ID);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    holdsLock = rs.getBoolean(1);
                }
            }
            return holdsLock;
        } catch (SQLException e) {
            closeQuietly(lockSession);
            lockSession = null;
            throw new IllegalStateException("cannot ask for the journal's writer lock: " + e.getMessage(), e);
        }
    }

    /** Names this hub's address on its lock session (PostgreSQL keeps at most 63 characters of it). */
    public synchronized void advertise(String address) {
        if (lockSession == null || address == null) {
            return;
        }
        try (PreparedStatement st = lockSession.prepareStatement("SELECT set_config('application_name', ?, false)")) {
            st.setString(1, address);
            st.executeQuery().close();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot name this hub on its lock session: " + e.getMessage(), e);
        }
    }

    /** The address the hub holding the writer lock gave, if a hub holds it and gave one. */
    public Optional<String> writerAddress() {
        if (!shared()) {
            return Optional.empty();
        }
        try (Connection c = connect(); PreparedStatement st = c.prepareStatement("SELECT a.application_name"
                + " FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory'"
                + " AND l.classid = ? AND l.objid = ? AND l.objsubid = 2 AND l.granted")) {
            st.setInt(1, LOCK_CLASS);
            st.setInt(2, LOCK_ID);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)).filter(a -> !a.isBlank()) : Optional.empty();
            }
        } catch (SQLException e) {
            return Optional.empty(); // only for the message that names the writer
        }
    }

    /**
     * Inside the writer's transaction: this hub's lock session still holds the lock. If the session was lost,
     * another hub may have taken the lock and be writing; then nothing of this transaction is written.
     */
    private void checkStillWriter() throws SQLException {
        if (!shared()) {
            return;
        }
        try (PreparedStatement st = writer.prepareStatement("SELECT 1 FROM pg_locks WHERE locktype = 'advisory'"
                + " AND classid = ? AND objid = ? AND objsubid = 2 AND granted AND pid = ?")) {
            st.setInt(1, LOCK_CLASS);
            st.setInt(2, LOCK_ID);
            st.setInt(3, lockPid);
            try (ResultSet rs = st.executeQuery()) {
                if (!holdsLock || !rs.next()) {
                    holdsLock = false;
                    throw new NotWriter("this hub lost the journal's writer lock; it writes no more");
                }
            }
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // a session already gone
            }
        }
    }

    public long head() {
        try (PreparedStatement st = writer.prepareStatement("SELECT COALESCE(MAX(seq), 0) FROM journal");
             ResultSet rs = st.executeQuery()) {
            rs.next();
            long head = rs.getLong(1);
            writer.commit();
            return head;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the journal head: " + e.getMessage(), e);
        }
    }

    /** The rows into the journal table, in batches of at most 10,000, within the caller's transaction. */
    private void insertRows(List<Row> rows, String origin, Instant now) throws SQLException {
        try (PreparedStatement st = writer.prepareStatement(
                "INSERT INTO journal (seq, event_time, type, payload, origin, recorded_at, drill)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            int n = 0;
            for (Row r : rows) {
                st.setLong(1, r.seq());
                st.setObject(2, utc(r.time()));
                st.setString(3, r.type());
                st.setString(4, r.payload());
                st.setString(5, origin);
                st.setObject(6, utc(now));
                st.setString(7, r.drill());
                st.addBatch();
                if (++n % 10_000 == 0) {
                    st.executeBatch();
                }
            }
            st.executeBatch();
        }
    }

    /** Writes events, their audit entry and idempotency key in one transaction: all or nothing. */
    public void append(List<Row> rows, String origin, AuditEntry audit, Idempotency idempotency) {
        Instant now = Instant.now();
        try {
            checkStillWriter();
            insertRows(rows, origin, now);
            if (audit != null) {
                try (PreparedStatement st = writer.prepareStatement("INSERT INTO audit (at, role, action, target,"
                        + " idempotency_key, first_seq, last_seq, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                    st.setObject(1, utc(audit.at()));
                    st.setString(2, audit.role());
                    st.setString(3, audit.action());
                    st.setString(4, audit.target());
                    st.setString(5, audit.idempotencyKey());
                    setSeq(st, 6, audit.firstSeq());
                    setSeq(st, 7, audit.lastSeq());
                    st.setString(8, truncate(audit.detail(), 4000));
                    st.executeUpdate();
                }
            }
            if (idempotency != null) {
                try (PreparedStatement st = writer.prepareStatement("INSERT INTO idempotency (idem_key, role,"
                        + " request_hash, first_seq, last_seq, at) VALUES (?, ?, ?, ?, ?, ?)")) {
                    st.setString(1, idempotency.key());
                    st.setString(2, idempotency.role());
                    st.setString(3, idempotency.requestHash());
                    st.setLong(4, idempotency.firstSeq());
                    st.setLong(5, idempotency.lastSeq());
                    st.setObject(6, utc(now));
                    st.executeUpdate();
                }
            }
            writer.commit();
        } catch (NotWriter e) {
            throw rolledBack(e);
        } catch (SQLException e) {
            throw rolledBack("journal write failed, nothing was written", e);
        }
    }

    /**
     * The situation the journal starts from: empty, or the snapshot an import of a recording put under its first
     * event ({@link RecordingImport}). Its seq is the last before the journal's first entry.
     */
    public Situation base() {
        StringBuilder json = new StringBuilder();
        try (Connection c = connect();
             PreparedStatement st = c.prepareStatement("SELECT situation FROM journal_base ORDER BY part");
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                json.append(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the journal's base: " + e.getMessage(), e);
        }
        return json.isEmpty() ? Situation.empty() : Json.readSnapshot(json.toString());
    }

    /**
     * Writes a recording's range into this empty journal in one transaction: the situation before it as the base,
     * then its events with their seqs, times and drill marks. Nothing is written if any of it fails.
     */
    void importRange(Situation before, List<Row> rows, String origin) {
        Instant now = Instant.now();
        String base = "{\"seq\":" + before.seq() + ",\"situation\":" + Json.write(before) + "}";
        try {
            checkStillWriter();
            try (PreparedStatement st = writer.prepareStatement(
                    "INSERT INTO journal_base (part, seq, situation) VALUES (?, ?, ?)")) {
                int part = 0;
                for (int from = 0; from < base.length(); part++) {
                    int to = Math.min(base.length(), from + BASE_PART);
                    if (to < base.length() && Character.isHighSurrogate(base.charAt(to - 1))) {
                        to--; // a character is not cut in two
                    }
                    st.setInt(1, part);
                    st.setLong(2, before.seq());
                    st.setString(3, base.substring(from, to));
                    st.addBatch();
                    from = to;
                }
                st.executeBatch();
            }
            insertRows(rows, origin, now);
            writer.commit();
        } catch (NotWriter e) {
            throw rolledBack(e);
        } catch (SQLException e) {
            throw rolledBack("the import failed, nothing was written", e);
        }
    }

    /**
     * Sets the entry at {@code seq} aside: the original moves to the quarantine table with the
     * reason, and {@code placeholder} takes its place in the journal, in one transaction.
     */
    public void quarantine(long seq, String reason, String placeholderType, String placeholderPayload) {
        try {
            try (PreparedStatement st = writer.prepareStatement("INSERT INTO quarantine (seq, event_time, type, payload,"
                    + " origin, recorded_at, reason, quarantined_at, drill) SELECT seq, event_time, type, payload, origin,"
                    + " recorded_at, ?, ?, drill FROM journal WHERE seq = ?")) {
                st.setString(1, truncate(reason, 4000));
                st.setObject(2, utc(Instant.now()));
                st.setLong(3, seq);
                if (st.executeUpdate() != 1) {
                    throw new SQLException("no journal entry with seq " + seq);
                }
            }
            try (PreparedStatement st = writer.prepareStatement(
                    "UPDATE journal SET type = ?, payload = ?, origin = 'quarantine', drill = NULL WHERE seq = ?")) {
                st.setString(1, placeholderType);
                st.setString(2, placeholderPayload);
                st.setLong(3, seq);
                st.executeUpdate();
            }
            writer.commit();
        } catch (SQLException e) {
            throw rolledBack("cannot quarantine seq " + seq, e);
        }
    }

    private NotWriter rolledBack(NotWriter e) {
        try {
            writer.rollback();
        } catch (SQLException ignored) {
            // nothing was written either way
        }
        return e;
    }

    /** Undoes the writer's transaction after {@code e}; the failure to report is {@code e}'s. */
    private IllegalStateException rolledBack(String what, SQLException e) {
        try {
            writer.rollback();
        } catch (SQLException ignored) {
            // the original failure is the one worth reporting
        }
        return new IllegalStateException(what + ": " + e.getMessage(), e);
    }

    /** Rows with seq > {@code after}, in order, at most {@code limit}; uses its own connection. */
    public List<Row> readAfter(long after, int limit) {
        return readAfter(after, limit, Long.MAX_VALUE);
    }

    /**
     * Rows with seq > {@code after}, in order: at most {@code limit}, and none more once their payloads
     * reach {@code maxChars} (at least one row), so that a reader's memory is bounded by size too.
     */
    public List<Row> readAfter(long after, int limit, long maxChars) {
        List<Row> rows = new ArrayList<>();
        acquireReader();
        try (Connection c = connect();
             PreparedStatement st = c.prepareStatement(
                     "SELECT seq, event_time, type, payload, drill FROM journal WHERE seq > ? ORDER BY seq LIMIT ?")) {
            c.setAutoCommit(false); // PostgreSQL streams with a cursor only inside a transaction
            st.setLong(1, after);
            st.setInt(2, limit);
            st.setFetchSize(Math.min(limit, 100));
            long chars = 0;
            try (ResultSet rs = st.executeQuery()) {
                while (chars < maxChars && rs.next()) {
                    Row r = new Row(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3),
                            rs.getString(4), rs.getString(5));
                    rows.add(r);
                    chars += r.payload().length();
                }
            }
            c.rollback();
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the journal after " + after + ": " + e.getMessage(), e);
        } finally {
            readers.release();
        }
    }

    /** Readers share the database with the writer: however many clients read, only so many connections open. */
    private void acquireReader() {
        try {
            if (!readers.tryAcquire(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the journal is busy: " + MAX_READERS + " readers at once for 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to read the journal", e);
        }
    }

    public Optional<Idempotency> idempotency(String key) {
        try (PreparedStatement st = writer.prepareStatement(
                "SELECT role, request_hash, first_seq, last_seq FROM idempotency WHERE idem_key = ?")) {
            st.setString(1, key);
            try (ResultSet rs = st.executeQuery()) {
                Optional<Idempotency> found = rs.next()
                        ? Optional.of(new Idempotency(key, rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)))
                        : Optional.empty();
                writer.commit();
                return found;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read idempotency keys: " + e.getMessage(), e);
        }
    }

    /** The newest audit entries first. */
    public List<AuditEntry> audit(int limit) {
        List<AuditEntry> out = new ArrayList<>();
        acquireReader();
        try (Connection c = connect();
             PreparedStatement st = c.prepareStatement("SELECT at, role, action, target, idempotency_key, first_seq,"
                     + " last_seq, detail FROM audit ORDER BY id DESC LIMIT ?")) {
            st.setInt(1, limit);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new AuditEntry(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getString(2),
                            rs.getString(3), rs.getString(4), rs.getString(5), rs.getLong(6), rs.getLong(7),
                            rs.getString(8)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the audit trail: " + e.getMessage(), e);
        } finally {
            readers.release();
        }
        return out;
    }

    @Override
    public synchronized void close() {
        closeQuietly(lockSession); // lets the writer lock go at once
        if (housekeeping != null) {
            housekeeping.shutdown();
            try {
                housekeeping.awaitTermination(1, TimeUnit.MINUTES); // a rewrite under way ends before the store closes
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            writer.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }

    private static void setSeq(PreparedStatement st, int i, long seq) throws SQLException {
        if (seq > 0) {
            st.setLong(i, seq);
        } else {
            st.setNull(i, Types.BIGINT);
        }
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
