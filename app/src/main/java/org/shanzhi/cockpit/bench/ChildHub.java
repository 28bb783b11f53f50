package org.shanzhi.cockpit.bench;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

import org.shanzhi.cockpit.hub.Role;
import org.shanzhi.cockpit.hub.Tokens;

/**
 * A hub in its own JVM, as in real use: {@code shanzhi-cockpit.jar hub --scenario none} (or another scenario; or the
 * same class path, run from classes) on a new temporary data directory and a free port, so that
 * the bench's clients do not share the hub's JVM. The bench writes the tokens file before the hub
 * starts, so it knows every role's token. {@code -Dshanzhi.bench.hubJar=PATH} runs the hub of another build
 * (to compare two hubs against the same clients); {@code -Dshanzhi.bench.hubJvm="OPTIONS"} gives the hub's JVM
 * these options, separated by spaces (a flight recording, a GC setting to compare).
 */
final class ChildHub implements AutoCloseable {

    private final Path data;
    private final File log;
    private final Process process;
    private final Tokens tokens;
    private final int port;

    private ChildHub(Path data, File log, Process process, Tokens tokens, int port) {
        this.data = data;
        this.log = log;
        this.process = process;
        this.tokens = tokens;
        this.port = port;
    }

    /** Starts the hub without a scenario and returns once its health answers 200. */
    static ChildHub start() throws Exception {
        return start(List.of("--scenario", "none"));
    }

    /** Starts the hub with these options (the scenario's) and returns once its health answers 200. */
    static ChildHub start(List<String> options) throws Exception {
        Path data = Files.createTempDirectory("shanzhi-bench-hub");
        File log = data.resolveSibling(data.getFileName() + ".log").toFile();
        Tokens tokens = Tokens.loadOrCreate(data.resolve("tokens.json"));
        int port = freePort();
        String otherJar = System.getProperty("shanzhi.bench.hubJar");
        List<String> cmd = otherJar == null ? StartBench.command()
                : new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", otherJar));
        String jvm = System.getProperty("shanzhi.bench.hubJvm", "").strip();
        if (!jvm.isEmpty()) {
            cmd.addAll(1, List.of(jvm.split("\\s+")));
        }
        cmd.add("hub");
        cmd.addAll(options);
        cmd.addAll(List.of("--port", Integer.toString(port), "--data", data.toString()));
        Process process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log).start();
        ChildHub hub = new ChildHub(data, log, process, tokens, port);
        try {
            hub.awaitHealthy();
        } catch (Exception e) {
            hub.close();
            throw e;
        }
        Figures.note("hub in its own JVM: pid {}, port {}, log {}", process.pid(), port, log);
        return hub;
    }

    private void awaitHealthy() throws Exception {
        OkHttpClient http = new OkHttpClient.Builder().connectTimeout(1, TimeUnit.SECONDS)
                .readTimeout(5, TimeUnit.SECONDS).build();
        Request health = new Request.Builder().url(baseUrl() + "/api/v1/health").build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        try {
            while (true) {
                try (Response r = http.newCall(health).execute()) {
                    if (r.code() == 200) {
                        return;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                if (!process.isAlive()) {
                    throw new IllegalStateException("the hub stopped before it was ready; see " + log);
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no 200 from " + health.url() + " within 300 s; see " + log);
                }
                Thread.sleep(20);
            }
        } finally {
            http.connectionPool().evictAll();
        }
    }

    /** A port free now; the child binds it. */
    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** The CPU time the hub's process has used so far, in ms. */
    double cpuMs() {
        return process.toHandle().info().totalCpuDuration().map(d -> d.toNanos() / 1e6).orElse(Double.NaN);
    }

    long pid() {
        return process.pid();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    String wsUrl() {
        return "ws://127.0.0.1:" + port;
    }

    String token(Role role) {
        return tokens.tokenOf(role);
    }

    @Override
    public void close() throws InterruptedException, IOException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        TempDirs.delete(data);
        Files.deleteIfExists(log.toPath());
    }
}
