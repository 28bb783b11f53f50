package org.shanzhi.cockpit.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code map.*}: the wall's map against Leaflet in a WebView, in a child JVM ({@link MapFrames}) on the display
 * this one has (run it under xvfb-run with {@code -Dprism.order=sw}); Leaflet is fetched from npm into
 * {@code ~/.cache/shanzhi-cockpit/npm} the first time.
 */
final class MapBench {

    private final boolean quick;

    MapBench(boolean quick) {
        this.quick = quick;
    }

    static Path cache() {
        return Path.of(System.getProperty("user.home"), ".cache", "shanzhi-cockpit");
    }

    void run(Figures figures) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String p : List.of("prism.order", "file.encoding", "shanzhi.assets")) {
            if (System.getProperty(p) != null) {
                cmd.add("-D" + p + "=" + System.getProperty(p));
            }
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), MapFrames.class.getName(), quick ? "3" : "15",
                cache().resolve("npm").toString()));
        Process child = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        int figuresSeen = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                int colon = line.indexOf(": ");
                if (line.startsWith("map.") && colon > 0) {
                    String[] valueUnit = line.substring(colon + 2).split(" ", 2);
                    String value = valueUnit[0];
                    int decimals = value.contains(".") ? value.length() - value.indexOf('.') - 1 : 0;
                    figures.put(line.substring(0, colon), Double.parseDouble(value), decimals,
                            valueUnit.length > 1 ? valueUnit[1] : "");
                    figuresSeen++;
                }
            }
        }
        if (!child.waitFor(30, TimeUnit.SECONDS)) {
            child.destroyForcibly();
        }
        if (child.exitValue() != 0 || figuresSeen == 0) {
            throw new IllegalStateException("the map benchmark's JVM ended with " + child.exitValue()
                    + " and no figures; its messages are above");
        }
    }
}
