package org.shanzhi.cockpit.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

import org.shanzhi.cockpit.app.Main;

/**
 * {@code hub.start_ms}: from starting a child {@code java -jar shanzhi-cockpit.jar hub --scenario
 * none --port 0} with a fresh data directory to the first 200 from /api/v1/health. Run from
 * classes rather than the jar (in tests), the child gets this JVM's class path instead.
 */
final class StartBench {

    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

    private final boolean quick;

    StartBench(boolean quick) {
        this.quick = quick;
    }

    void run(Figures figures) throws Exception {
        int runs = quick ? 1 : 5;
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            ms[i] = once();
            Figures.note("start run {}: {} ms", i + 1, Math.round(ms[i]));
        }
        figures.put("hub.start_ms", Figures.median(ms), 0, "ms");
    }

    static List<String> command() throws URISyntaxException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path self = Path.of(StartBench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> cmd = new ArrayList<>(List.of(java));
        if (Files.isRegularFile(self) && self.toString().endsWith(".jar")) {
            cmd.addAll(List.of("-jar", self.toString()));
        } else {
            cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "Main"));
        }
        return cmd;
    }

    private double once() throws Exception {
        Path data = Files.createTempDirectory("shanzhi-bench-start");
        File log = data.resolveSibling(data.getFileName() + ".log").toFile();
        List<String> cmd = command();
        cmd.addAll(List.of("hub", "--scenario", "none", "--port", "0", "--data", data.toString()));
        OkHttpClient http = new OkHttpClient.Builder().connectTimeout(1, TimeUnit.SECONDS)
                .readTimeout(5, TimeUnit.SECONDS).build();
        long t0 = System.nanoTime();
        Process child = new ProcessBuilder(cmd).redirectError(log).start();
        try {
            String base = null;
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8));
            for (String line; (line = out.readLine()) != null; ) {
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    base = m.group(1);
                    break;
                }
            }
            if (base == null) {
                throw new IllegalStateException("the hub did not say where it listens; see " + log);
            }
            Request health = new Request.Builder().url(base + "/api/v1/health").build();
            long deadline = t0 + TimeUnit.SECONDS.toNanos(60);
            while (true) {
                try (Response r = http.newCall(health).execute()) {
                    if (r.code() == 200) {
                        break;
                    }
                } catch (IOException e) {
                    // not yet
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no 200 from " + base + "/api/v1/health within 60 s");
                }
                Thread.sleep(2);
            }
            double took = (System.nanoTime() - t0) / 1e6;
            return took;
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
