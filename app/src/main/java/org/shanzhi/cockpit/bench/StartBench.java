package org.shanzhi.cockpit.bench;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

import org.shanzhi.cockpit.app.Main;

/**
 * {@code hub.start_ms}: from starting a child {@code java -jar shanzhi-cockpit.jar hub --scenario
 * none} with a fresh data directory to the first 200 from /api/v1/health.
 * {@code hub.start.ready_ms}: the same with the Heyi scenario, whose inventory must be in the
 * situation before health answers 200; until then it answers 503, and the first answer of any
 * kind (the hub listening) is noted. Run from classes rather than the jar (in tests), the child
 * gets this JVM's class path instead.
 */
final class StartBench {

    /** When the child first answered health (the hub listening) and first answered 200 (ready), in ms. */
    private record Start(double answered, int firstStatus, double ready) {
    }

    private final boolean quick;

    StartBench(boolean quick) {
        this.quick = quick;
    }

    void run(Figures figures) throws Exception {
        int runs = quick ? 1 : 5;
        double[] none = new double[runs];
        double[] heyi = new double[runs];
        for (int i = 0; i < runs; i++) {
            none[i] = once("none").ready();
            Start s = once("heyi");
            heyi[i] = s.ready();
            Figures.note("start run {}: {} ms without a scenario; with heyi first answer {} after {} ms, ready after {} ms",
                    i + 1, Math.round(none[i]), s.firstStatus(), Math.round(s.answered()), Math.round(s.ready()));
        }
        figures.put("hub.start_ms", Figures.median(none), 0, "ms");
        figures.put("hub.start.ready_ms", Figures.median(heyi), 0, "ms");
    }

    static List<String> command() throws URISyntaxException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path self = Path.of(StartBench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> cmd = new ArrayList<>(List.of(java));
        if (Files.isRegularFile(self) && self.toString().endsWith(".jar")) {
            cmd.addAll(List.of("-jar", self.toString()));
        } else {
            cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        }
        return cmd;
    }

    /** A port free now; the child binds it (a port it picked itself could not be polled before it says it). */
    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private Start once(String scenario) throws Exception {
        Path data = Files.createTempDirectory("shanzhi-bench-start");
        File log = data.resolveSibling(data.getFileName() + ".log").toFile();
        int port = freePort();
        List<String> cmd = command();
        cmd.addAll(List.of("hub", "--scenario", scenario, "--port", Integer.toString(port), "--data", data.toString()));
        OkHttpClient http = new OkHttpClient.Builder().connectTimeout(1, TimeUnit.SECONDS)
                .readTimeout(5, TimeUnit.SECONDS).build();
        long t0 = System.nanoTime();
        Process child = new ProcessBuilder(cmd).redirectError(log).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            Request health = new Request.Builder().url("http://127.0.0.1:" + port + "/api/v1/health").build();
            long deadline = t0 + TimeUnit.SECONDS.toNanos(60);
            double answered = -1;
            int firstStatus = 0;
            while (true) {
                try (Response r = http.newCall(health).execute()) {
                    if (answered < 0) {
                        answered = (System.nanoTime() - t0) / 1e6;
                        firstStatus = r.code();
                    }
                    if (r.code() == 200) {
                        return new Start(answered, firstStatus, (System.nanoTime() - t0) / 1e6);
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                if (!child.isAlive()) {
                    throw new IllegalStateException("the hub stopped before it was ready; see " + log);
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no 200 from " + health.url() + " within 60 s; see " + log);
                }
                Thread.sleep(2);
            }
        } finally {
            child.destroy();
            if (!child.waitFor(10, TimeUnit.SECONDS)) {
                child.destroyForcibly();
                child.waitFor(10, TimeUnit.SECONDS);
            }
            http.connectionPool().evictAll();
            TempDirs.delete(data);
            Files.deleteIfExists(log.toPath());
        }
    }
}
