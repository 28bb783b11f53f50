package org.shanzhi.cockpit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * {@code bench --quick --only wall,start,soak --soak-minutes 1} runs and prints only {@code name: number unit} lines; no timing
 * is asserted. It runs in a child JVM: the bench starts and exits JavaFX's toolkit, which can
 * happen once per JVM, and the wall tests of this JVM have their own.
 */
class WallBenchTest {

    @Test
    void quickWallPrintsFigures() throws Exception {
        List<String> cmd = new ArrayList<>(WallBench.childCommand("org.shanzhi.cockpit.app.Main"));
        cmd.addAll(List.of("bench", "--quick", "--only", "wall,start,soak", "--soak-minutes", "1"));
        File err = File.createTempFile("wall-bench-test", ".log");
        File stdout = File.createTempFile("wall-bench-test", ".out");
        Process child = new ProcessBuilder(cmd).redirectError(err).redirectOutput(stdout).start();
        boolean ended = child.waitFor(5, TimeUnit.MINUTES);
        if (!ended) {
            child.destroyForcibly();
        }
        String out = Files.readString(stdout.toPath(), StandardCharsets.UTF_8);
        String log = Files.readString(err.toPath());
        Files.deleteIfExists(err.toPath());
        Files.deleteIfExists(stdout.toPath());

        assertThat(ended).as("bench ended; stderr:\n%s", log).isTrue();
        assertThat(child.exitValue()).as("exit code; stderr:\n%s", log).isZero();
        List<String> lines = out.lines().toList();
        assertThat(lines).allSatisfy(line ->
                assertThat(line).matches("[a-z0-9_.]+: -?\\d+(\\.\\d+)? \\S+"));
        for (String figure : List.of("wall.latency.p50_ms", "wall.latency.p99_ms", "wall.fx_busy_pct",
                "wall.first_frame_ms", "wall.first_frame_cold_ms", "wall.heap_mb", "wall.rss_mb", "hub.soak.heap_growth_pct",
                "hub.soak.threads_growth", "wall.soak.rss_growth_pct")) {
            assertThat(lines).anySatisfy(line -> assertThat(line).startsWith(figure + ": "));
        }
    }
}
