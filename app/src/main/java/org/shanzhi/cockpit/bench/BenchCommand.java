package org.shanzhi.cockpit.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench}: the hub's and the wall's performance figures, one line each as {@code name: value unit} on
 * stdout; notes and logs go to stderr. See docs/BENCHMARKS.md for the method and the targets.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure the fold, the hub end to end, the snapshot, start-up and heap, and the wall; prints name: value unit.")
public final class BenchCommand implements Callable<Integer> {

    /** The groups of figures, in the order they run. */
    static final List<String> GROUPS = List.of("fold", "dispatch", "heap", "snapshot", "e2e", "fanout", "start", "wall", "video",
            "replay", "map", "soak");

    @Option(names = "--only", split = ",", paramLabel = "NAME",
            description = "Run only these (comma-separated or repeated): fold, dispatch (its click_to_phone needs"
                    + " /usr/bin/chromium), heap, snapshot, e2e, fanout, start, wall, video, replay, map (map needs a display: xvfb-run),"
                    + " soak (the hub and the wall at 1,000 events/s for --soak-minutes; hub.soak or wall.soak for one);"
                    + " a figure's name (e.g. hub.e2e.p99_ms, hub.snapshot_ms) names its group.")
    List<String> only = new ArrayList<>();

    @Option(names = "--video-soak-minutes", paramLabel = "N",
            description = "Also run the video soak (streams killed and restored every minute) for N minutes.")
    int videoSoakMinutes;

    @Option(names = "--pipeline", paramLabel = "sw|es2",
            description = "JavaFX's renderer for the map group's JVM: sw (software), or es2 (OpenGL, forced even on"
                    + " a software GL such as Mesa's llvmpipe); the renderer it got is noted. Default: the -Dprism.order"
                    + " given, else JavaFX's own choice.")
    String pipeline;

    @Option(names = "--soak-minutes", paramLabel = "N", defaultValue = "30",
            description = "How long the soak group runs (default ${DEFAULT-VALUE}; 480 for a working day on a wall PC).")
    int soakMinutes;

    @Option(names = "--quick", description = "Short runs for a smoke test; the figures are not meaningful.")
    boolean quick;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Set<String> groups = new LinkedHashSet<>();
        Set<String> soaks = new LinkedHashSet<>(); // hub, wall or both: the soaks --only asks for
        for (String name : only) {
            String g = group(name);
            if (!GROUPS.contains(g)) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "unknown figure '" + name + "'; known: " + String.join(", ", GROUPS));
            }
            groups.add(g);
            if (g.equals("soak")) {
                soaks.add(name.startsWith("hub.") ? "hub" : name.startsWith("wall.") ? "wall" : "both");
            }
        }
        if (pipeline != null && !List.of("sw", "es2").contains(pipeline)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "unknown pipeline '" + pipeline + "'; known: sw, es2");
        }
        if (groups.isEmpty()) {
            groups.addAll(GROUPS);
            // the map against a WebView needs a display and downloads, the soak takes half an hour or more:
            // they run when asked for
            groups.remove("map");
            groups.remove("soak");
        }
        PrintWriter out = spec.commandLine().getOut();
        Figures figures = new Figures(out);
        Figures.note("bench{}: {} on {} cores, java {}", quick ? " --quick" : "", groups,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        try {
            if (groups.contains("fold")) {
                new FoldBench(quick).run(figures);
            }
            if (groups.contains("heap") || groups.contains("snapshot")) {
                try (DayHub day = DayHub.start(quick)) {
                    if (groups.contains("heap")) {
                        figures.put("hub.heap_mb", day.heapAfterGcMb(), 1, "MB");
                    }
                    if (groups.contains("snapshot")) {
                        double[] snap = day.snapshotMs(quick ? 2 : 5, quick ? 5 : 20);
                        figures.put("hub.snapshot_ms", snap[0], 1, "ms");
                        figures.put("hub.snapshot_kb", snap[1] / 1024, 0, "KB");
                        figures.put("hub.snapshot.prepare_ms", snap[2], 1, "ms");
                    }
                }
            }
            if (groups.contains("snapshot")) {
                new MonthSnapshotBench(quick).run(figures);
            }
            if (groups.contains("dispatch")) {
                new RecommendBench(quick).run(figures);
                new ClickToPhoneBench(quick).run(figures);
                new AckToWallBench(quick).run(figures);
            }
            if (groups.contains("e2e")) {
                new E2eBench(quick).run(figures);
            }
            if (groups.contains("fanout")) {
                new E2eBench(quick).fanout(figures);
            }
            if (groups.contains("start")) {
                new StartBench(quick).run(figures);
                new WallBench(quick).firstFrame(figures);
            }
            if (groups.contains("wall")) {
                new WallBench(quick).run(figures);
            }
            if (groups.contains("replay")) {
                new ReplayBench(quick).run(figures);
            }
            if (groups.contains("video")) {
                new VideoBench(quick, videoSoakMinutes).run(figures);
            }
            if (groups.contains("soak")) {
                new SoakBench(soakMinutes, quick).run(figures, !soaks.equals(Set.of("wall")), !soaks.equals(Set.of("hub")));
            }
        } finally {
            WallBench.stopToolkit(); // else JavaFX keeps the process alive
        }
        if (groups.contains("map")) {
            new MapBench(quick, pipeline).run(figures);
        }
        return 0;
    }

    /** fold.events_per_s → fold, hub.e2e.p99_ms → e2e, hub.snapshot_ms → snapshot, wall.soak.rss_mb → soak. */
    static String group(String name) {
        String n = name.trim();
        if (n.startsWith("hub.soak") || n.startsWith("wall.soak")) {
            return "soak";
        }
        if (n.startsWith("hub.")) {
            n = n.substring(4);
        }
        int cut = n.length();
        for (char c : new char[] {'.', '_'}) {
            int i = n.indexOf(c);
            if (i >= 0) {
                cut = Math.min(cut, i);
            }
        }
        return n.substring(0, cut);
    }
}
