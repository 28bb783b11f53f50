package org.shanzhi.cockpit.hub;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.shanzhi.cockpit.domain.Situation;

/**
 * A running hub: journal, fold, HTTP/WebSocket server and, optionally, a scenario feeding it.
 * The composition used by the {@code hub} command, the embedded hub of the wall, and tests.
 */
public final class HubRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HubRuntime.class);

    /** How to start a hub; {@code jdbcUrl} null means the H2 file under {@code dataDir}. */
    public record Config(String host, int port, Path dataDir, Path tokensFile, String jdbcUrl, String dbUser,
                         String dbPassword, Function<Situation, HubClock> clock, HubLimits limits) {

        public static Config local(Path dataDir) {
            return new Config("127.0.0.1", 0, dataDir, null, null, "", "", s -> HubClock.system(), HubLimits.DEFAULT);
        }

        /** The clock, chosen from the situation the journal held at start (to resume simulated time). */
        public Config withClock(Function<Situation, HubClock> c) {
            return new Config(host, port, dataDir, tokensFile, jdbcUrl, dbUser, dbPassword, c, limits);
        }

        public Config withPort(int p) {
            return new Config(host, p, dataDir, tokensFile, jdbcUrl, dbUser, dbPassword, clock, limits);
        }

        /** The tokens file: the one given, else {@code tokens.json} in the data directory. */
        public Path tokens() {
            return tokensFile != null ? tokensFile : dataDir.resolve("tokens.json");
        }

        /** Each unit's own token: {@code unit-tokens.json} beside the tokens file. */
        public Path unitTokens() {
            return tokens().toAbsolutePath().resolveSibling("unit-tokens.json");
        }

        public Config withJdbc(String url, String user, String password) {
            return new Config(host, port, dataDir, tokensFile, url, user, password, clock, limits);
        }

        public Config withLimits(HubLimits l) {
            return new Config(host, port, dataDir, tokensFile, jdbcUrl, dbUser, dbPassword, clock, l);
        }
    }

    private final Hub hub;
    private final Tokens tokens;
    private final UnitTokens unitTokens;
    private final HubServer server;
    private final Config config;
    private final List<AutoCloseable> producers = new ArrayList<>();
    /** What only the writing hub runs (the scenario): started when it writes, stopped if it stops writing. */
    private final List<AutoCloseable> writerProducers = new ArrayList<>();
    private Thread shutdownHook;
    private boolean closed;

    private HubRuntime(Config config, Hub hub, Tokens tokens, UnitTokens unitTokens, HubServer server) {
        this.config = config;
        this.hub = hub;
        this.tokens = tokens;
        this.unitTokens = unitTokens;
        this.server = server;
    }

    /** The units' own tokens: a unit holding one is in a person's hands. */
    public UnitTokens unitTokens() {
        return unitTokens;
    }

    public HubServer server() {
        return server;
    }

    /** Starts a hub that is ready as soon as it listens: the journal is replayed and nothing else comes first. */
    public static HubRuntime start(Config config) {
        return start(config, runtime -> null);
    }

    /**
     * Starts a hub whose health answers 503 {@code starting} from the moment it listens until
     * {@code feeder} has returned: the feeder puts what the hub starts with into the situation (a
     * scenario's inventory) and returns what feeds it from then on (attached, or null).
     */
    public static HubRuntime start(Config config, Function<HubRuntime, AutoCloseable> feeder) {
        long t0 = System.nanoTime();
        try {
            Files.createDirectories(config.dataDir());
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the data directory " + config.dataDir() + ": " + e, e);
        }
        Path tokensFile = config.tokens();
        Tokens tokens = Tokens.loadOrCreate(tokensFile);
        String url = config.jdbcUrl() != null ? config.jdbcUrl() : Journal.h2Url(config.dataDir());
        Journal journal = Journal.open(url, config.dbUser(), config.dbPassword());
        ownerOnly(config.dataDir());
        Hub hub = new Hub(journal, config.clock(), null);
        UnitTokens unitTokens = UnitTokens.load(config.unitTokens());
        HubServer server;
        try {
            server = new HubServer(hub, tokens, unitTokens, config.dataDir().resolve("photos"),
                    config.limits()).start(config.host(), config.port());
        } catch (RuntimeException e) {
            hub.close(); // frees the journal (and H2's file lock) for the next attempt
            throw e;
        }
        LOG.info("hub listening on {} (journal {}, head {}, tokens in {})", "http://" + config.host() + ":"
                + server.port(), url.replaceAll("password=[^;&]*", "password=***"), hub.head(), tokensFile);
        HubRuntime runtime = new HubRuntime(config, hub, tokens, unitTokens, server);
        String address = address(config.host(), server.port());
        journal.advertise(address);
        runtime.attach(new OrderTimer(hub, config.limits().orderTiming().expireAfter()).start());
        Thread hook = new Thread(runtime::close, "hub-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        runtime.shutdownHook = hook;
        try {
            if (hub.writing()) {
                runtime.feed(feeder);
            } else {
                LOG.info("another hub writes the journal ({}): this one follows it and serves reads",
                        journal.writerAddress().orElse("its address unknown"));
            }
            if (journal.shared()) {
                runtime.attach(new JournalFollower(hub, address, () -> runtime.feed(feeder),
                        runtime::stopFeeding).start());
            }
        } catch (RuntimeException e) {
            runtime.close();
            throw e;
        }
        runtime.attach(new SnapshotPreparer(hub).start());
        server.ready();
        LOG.info("hub ready as {}: head {}, {} ms after the start began", hub.writing() ? "writer" : "follower",
                hub.head(), (System.nanoTime() - t0) / 1_000_000);
        return runtime;
    }

    /** Starts what feeds the writing hub (on a follower, once it takes over: the scenario resumes there). */
    private synchronized void feed(Function<HubRuntime, AutoCloseable> feeder) {
        if (closed) {
            return;
        }
        AutoCloseable producer = feeder.apply(this);
        if (producer != null) {
            writerProducers.add(producer);
        }
    }

    /** This hub no longer writes: what fed it stops (the hub that writes now runs its own). */
    private synchronized void stopFeeding() {
        closeAll(writerProducers);
        writerProducers.clear();
    }

    /** How clients reach this hub, as other hubs name it: the bound address, or this machine's name for any. */
    private static String address(String host, int port) {
        String name = host;
        if (host.equals("0.0.0.0") || host.equals("::")) {
            try {
                name = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                name = host;
            }
        }
        return "http://" + (name.contains(":") ? "[" + name + "]" : name) + ":" + port;
    }

    /**
     * The journal and the tokens are the center's records and keys: the data directory is its
     * owner's alone (rwx------), and so is every file in it (rw-------).
     */
    private static void ownerOnly(Path dir) {
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            try (var files = Files.list(dir)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    if (Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
                    }
                }
            }
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system (Windows): the user's profile directory already keeps others out
        } catch (IOException e) {
            throw new IllegalStateException("cannot restrict the data directory " + dir + " to its owner: " + e, e);
        }
    }

    public Hub hub() {
        return hub;
    }

    public Tokens tokens() {
        return tokens;
    }

    public int port() {
        return server.port();
    }

    public String baseUrl() {
        return "http://" + config.host() + ":" + server.port();
    }

    /** A producer of events (a scenario, a drill) that stops before the hub does. */
    public void attach(AutoCloseable producer) {
        producers.add(producer);
    }

    private static void closeAll(List<AutoCloseable> list) {
        for (AutoCloseable p : list) {
            try {
                p.close();
            } catch (Exception e) {
                LOG.warn("stopping {} failed: {}", p, e.toString());
            }
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is running or about to: closing here as well is harmless
            }
        }
        // the journal follower (among the producers) before what only the writer runs: it could start it again
        closeAll(producers);
        closeAll(writerProducers);
        server.close();
        hub.close();
    }
}
