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
 * {@code ~/.cache/shanzhi-cockpit/npm} the first time. With a pipeline ({@code --pipeline sw|es2}) the child's JavaFX
 * renders with it ({@code es2} forced, as JavaFX refuses a software OpenGL otherwise); the pipeline and the OpenGL
 * renderer the child reports are noted.
 */
final class MapBench {

    private final boolean quick;
    /** sw, es2, or null for this JVM's -Dprism.order. */
    private final String pipeline;

    MapBench(boolean quick, String pipeline) {
        this.quick = quick;
        this.pipeline = pipeline;
    }

    static Path cache() {
        return Path.of(System.getProperty("user.home"), ".cache", "shanzhi-cockpit");
    }

    void run(Figures figures) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String p : List.of("prism.order", "file.encoding", "shanzhi.assets")) {
            if (System.getProperty(p) != null && !(pipeline != null && p.equals("prism.order"))) {
                cmd.add("-D" + p + "=" + System.getProperty(p));
            }
        }
        if (pipeline != null) {
            cmd.add("-Dprism.order=" + pipeline);
            cmd.add("-Dprism.forceGPU=" + pipeline.equals("es2"));
        }
        cmd.add("-Dprism.verbose=true"); // names the pipeline (and OpenGL's renderer) on stdout
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), MapFrames.class.getName(), quick ? "3" : "15",
                cache().resolve("npm").toString()));
        Process child = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        int figuresSeen = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.contains("Initialized prism pipeline") || line.strip().toLowerCase(java.util.Locale.ROOT).startsWith("renderer:")) {
                    Figures.note("map: {}", line.strip());
                }
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
