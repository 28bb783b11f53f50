package org.shanzhi.cockpit.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removing the benchmark's temporary directories. */
final class TempDirs {

    private TempDirs() {
    }

    static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    Figures.note("cannot delete {}: {}", p, e.toString());
                }
            });
        } catch (IOException e) {
            Figures.note("cannot delete {}: {}", dir, e.toString());
        }
    }
}
