package org.shanzhi.cockpit.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.concurrent.Worker;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.paint.Color;
import javafx.scene.web.WebView;
import javafx.stage.Stage;
import netscape.javascript.JSObject;

import org.shanzhi.cockpit.domain.Bounds;
import org.shanzhi.cockpit.domain.Camera;
import org.shanzhi.cockpit.domain.Community;
import org.shanzhi.cockpit.domain.Complaint;
import org.shanzhi.cockpit.domain.Event.ComplaintReceived;
import org.shanzhi.cockpit.domain.Event.IncidentOpened;
import org.shanzhi.cockpit.domain.Event.UnitMoved;
import org.shanzhi.cockpit.domain.Event.UnitRegistered;
import org.shanzhi.cockpit.domain.FieldUnit;
import org.shanzhi.cockpit.domain.GeoPoint;
import org.shanzhi.cockpit.domain.Grid;
import org.shanzhi.cockpit.domain.Incident;
import org.shanzhi.cockpit.domain.IncidentState;
import org.shanzhi.cockpit.domain.Recorded;
import org.shanzhi.cockpit.domain.Sensor;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.domain.UnitStatus;
import org.shanzhi.cockpit.hub.sim.HeyiScenario;
import org.shanzhi.cockpit.hub.sim.Simulator;
import org.shanzhi.cockpit.wall.I18n;
import org.shanzhi.cockpit.wall.Theme;
import org.shanzhi.cockpit.wall.WallContext;
import org.shanzhi.cockpit.wall.WallFrame;
import org.shanzhi.cockpit.wall.layout.Placement;
import org.shanzhi.cockpit.wall.layout.WidgetType;
import org.shanzhi.cockpit.wall.map.MapWidget;
import org.shanzhi.cockpit.wall.map.geo.BaseMap;
import org.shanzhi.cockpit.wall.map.geo.BaseMapLoader;
import org.shanzhi.cockpit.wall.map.geo.MapProjection;

/**
 * The map benchmark, in its own JVM on a real display ({@link MapBench} starts it): one scene — the Heyi inventory
 * (1,043 cameras), 200 field units moving every 30 frames, 500 open cases, 800 complaints of the last day as heat,
 * every layer on — shown full screen at 1920×1080 twice: by the wall's {@link MapWidget}, then by Leaflet in a
 * {@link WebView} (Leaflet, Leaflet.markercluster and Leaflet.heat from the npm registry, see {@link NpmPackages}),
 * each driven by the same script (120 frames panning in a circle, 120 zooming in and out) for the same time. A
 * frame's time is the interval between consecutive frames: JavaFX pulses for ours, requestAnimationFrame
 * timestamps for Leaflet. Prints {@code map.*} figures on stdout.
 */
public final class MapFrames {

    static final int WIDTH = 1920;
    static final int HEIGHT = 1080;
    static final int UNITS = 200;
    static final int INCIDENTS = 500;
    static final int COMPLAINTS = 800;
    static final int MOVES = 40;
    static final int MOVE_EVERY = 30;
    static final double WARM_UP_SECONDS = 1;

    private MapFrames() {
    }

    /** {@code args}: seconds per side, and the npm cache folder. */
    public static void main(String[] args) {
        try {
            measure(args);
        } catch (Throwable e) {
            // the FX thread would keep this JVM alive
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void measure(String[] args) throws Exception {
        if (System.getenv("DISPLAY") == null || System.getenv("DISPLAY").isBlank()) {
            System.err.println("bench --only map needs a display: run it under "
                    + "xvfb-run -a -s \"-screen 0 1920x1080x24\" java -Dprism.order=sw -jar shanzhi-cockpit.jar bench --only map");
            System.exit(2);
        }
        double seconds = Double.parseDouble(args[0]);
        Path cache = Path.of(args[1]);
        Scene scene = Scene.build();
        Path page = leafletPage(new NpmPackages(cache));
        Figures figures = new Figures(new PrintWriter(System.out, true, StandardCharsets.UTF_8));

        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(30, TimeUnit.SECONDS);
        Platform.setImplicitExit(false);

        Frames ours = ours(scene, seconds);
        double[] theirs = leaflet(scene, page, seconds);
        report(figures, "map", ours.all());
        report(figures, "map while panning", ours.panning());
        report(figures, "map while zooming", ours.zooming());
        report(figures, "map.webview", theirs);
        report(figures, "map CPU (FX thread and renderer) per frame", ours.cpu());
        report(figures, "map CPU per frame while zooming", ours.zoomingCpu());
        figures.put("map.frame_p50_ms", quantile(ours.all(), 0.5), 1, "ms");
        figures.put("map.frame_p99_ms", quantile(ours.all(), 0.99), 1, "ms");
        figures.put("map.webview_frame_p99_ms", quantile(theirs, 0.99), 1, "ms");
        figures.put("map.vs_webview_ratio", quantile(theirs, 0.99) / quantile(ours.all(), 0.99), 2, "x");
        figures.put("map.frame_cpu_p50_ms", quantile(ours.cpu(), 0.5), 1, "ms");
        figures.put("map.frame_cpu_p99_ms", quantile(ours.cpu(), 0.99), 1, "ms");
    }

    /**
     * Our frame times: all of them, those of the pulses that panned and that zoomed, and the CPU time the FX thread
     * and the renderer thread took in each (what the frame costs, whatever else the machine runs), and that of the
     * pulses that zoomed.
     */
    record Frames(double[] all, double[] panning, double[] zooming, double[] cpu, double[] zoomingCpu) {
    }

    /** The FX thread's and the renderer's CPU time so far, in ns (called on the FX thread). */
    private static long frameCpuNs(Thread renderer) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return threads.getCurrentThreadCpuTime() + (renderer == null ? 0 : threads.getThreadCpuTime(renderer.getId()));
    }

    /** JavaFX's render thread (QuantumRenderer), or null if it has another name in this version. */
    private static Thread renderer() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("QuantumRenderer"))
                .findFirst().orElse(null);
    }

    private static void report(Figures figures, String side, double[] frames) {
        if (frames.length == 0) {
            Figures.note("{}: no frames measured", side);
            return;
        }
        Figures.note("{}: {} frames measured; frame time p50 {} ms, p90 {} ms, p99 {} ms, max {} ms; {} frames/s",
                side, frames.length, fmt(quantile(frames, 0.5)), fmt(quantile(frames, 0.9)), fmt(quantile(frames, 0.99)),
                fmt(quantile(frames, 1)), fmt(1000 / mean(frames)));
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** Nearest rank; NaN when a side drew no frame (e.g. Leaflet's page not ready within a quick run). */
    static double quantile(double[] v, double q) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double[] s = v.clone();
        Arrays.sort(s);
        int rank = (int) Math.ceil(q * s.length);
        return s[Math.max(0, Math.min(s.length - 1, rank - 1))];
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).average().orElse(Double.NaN);
    }

    // --- the scene ---------------------------------------------------------------------------------------

    /** The situations to show (the same but for where the units are) and the base under them. */
    record Scene(List<Situation> situations, BaseMap base) {

        static Scene build() throws Exception {
            HeyiScenario heyi = HeyiScenario.loadDefault();
            Random rnd = new Random(20260530);
            Instant t = Simulator.DEFAULT_START.plus(Duration.ofHours(12));
            List<org.shanzhi.cockpit.domain.Event> events = new ArrayList<>(heyi.inventory());
            var bounds = heyi.district().bounds();
            int units = (int) events.stream().filter(e -> e instanceof UnitRegistered).count();
            for (int i = units; i < UNITS; i++) {
                events.add(new UnitRegistered(new FieldUnit("U-B" + i, "巡查" + i, FieldUnit.Role.GRID_WORKER,
                        UnitStatus.PAT, point(rnd, bounds), 0, null, null, false)));
            }
            for (int i = 0; i < INCIDENTS; i++) {
                events.add(new IncidentOpened("INC-B" + i, "占道经营", "市容环境", Incident.Source.INSPECTOR,
                        Incident.Severity.values()[i % Incident.Severity.values().length], IncidentState.REPORTED,
                        point(rnd, bounds), t.plus(Duration.ofHours(4)), null));
            }
            for (int i = 0; i < COMPLAINTS; i++) {
                events.add(new ComplaintReceived(String.format("26053%05d", i), Complaint.Channel.PHONE,
                        Complaint.Type.COMPLAINT, "噪音扰民", Complaint.Priority.TIMELY, point(rnd, bounds), "夜间噪音",
                        false));
            }
            Situation s = Situation.empty();
            long seq = 0;
            for (org.shanzhi.cockpit.domain.Event e : events) {
                s = s.apply(new Recorded(++seq, t, e));
            }
            List<Situation> situations = new ArrayList<>();
            situations.add(s);
            for (int m = 1; m < MOVES; m++) {
                for (FieldUnit u : s.units().values()) {
                    double a = rnd.nextDouble() * 2 * Math.PI;
                    // a step of about 35 m, kept inside the district
                    GeoPoint at = new GeoPoint(
                            clamp(u.at().lon() + 0.0004 * Math.cos(a), bounds.west(), bounds.east()),
                            clamp(u.at().lat() + 0.0003 * Math.sin(a), bounds.south(), bounds.north()));
                    s = s.apply(new Recorded(++seq, t.plusSeconds(m), new UnitMoved(u.id(), at, Math.toDegrees(a))));
                }
                situations.add(s);
            }
            BaseMap base = BaseMapLoader.shared().get(30, TimeUnit.SECONDS);
            Figures.note("map bench scene: {} cameras, {} units, {} open cases, {} complaints, {} grids, {} roads",
                    s.cameras().size(), s.units().size(), s.incidents().size(), s.complaints().size(), s.grids().size(),
                    base.roads().size());
            return new Scene(situations, base);
        }

        private static double clamp(double v, double min, double max) {
            return Math.max(min, Math.min(max, v));
        }

        private static GeoPoint point(Random rnd, Bounds b) {
            return new GeoPoint(b.west() + rnd.nextDouble() * (b.east() - b.west()),
                    b.south() + rnd.nextDouble() * (b.north() - b.south()));
        }
    }

    // --- ours ----------------------------------------------------------------------------------------------

    private static Frames ours(Scene scene, double seconds) throws Exception {
        CompletableFuture<Frames> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            I18n.setLocale(I18n.DEFAULT);
            String all = "{\"layers\": [\"communities\", \"grids\", \"cameras\", \"aiPoints\", \"sensors\", \"units\", "
                    + "\"incidents\", \"complaintHeat\"]}";
            MapWidget map;
            try {
                map = new MapWidget(new Placement(WidgetType.MAP, 1, 1, 1, 1, new ObjectMapper().readTree(all)),
                        new WallContext(() -> null, "bench"));
            } catch (IOException e) {
                result.completeExceptionally(e);
                return;
            }
            Stage stage = fullScreenStage(new javafx.scene.Scene((Parent) map.node(), WIDTH, HEIGHT));
            stage.getScene().getStylesheets().add(Theme.stylesheet());
            // the wall's frame, handed over every pulse as the wall does: the map draws what changed since the last
            WallFrame[] frame = {WallFrame.of(scene.situations().get(0))};
            map.show(frame[0]);
            Node canvas = map.node().lookup(".map-canvas");
            double[] drag = {WIDTH - 10, HEIGHT / 2.0}; // outside the district: the press finds no camera to drag away
            List<Long> pulses = new ArrayList<>();
            List<Long> cpu = new ArrayList<>();
            Thread renderer = renderer();
            List<Boolean> zoomed = new ArrayList<>(); // whether the pulse that starts each interval zoomed
            new AnimationTimer() {
                long start = -1;
                int i = -1;

                @Override
                public void handle(long now) {
                    if (start < 0) {
                        start = now;
                        Event.fireEvent(canvas, mouse(MouseEvent.MOUSE_PRESSED, drag[0], drag[1]));
                    }
                    i++;
                    int cycle = i % 240;
                    if (now - start > WARM_UP_SECONDS * 1e9) {
                        pulses.add(now);
                        cpu.add(frameCpuNs(renderer));
                        zoomed.add(cycle >= 120);
                    }
                    if (cycle < 120) {
                        drag[0] += 10 * Math.cos(i / 20.0);
                        drag[1] += 10 * Math.sin(i / 20.0);
                        Event.fireEvent(canvas, mouse(MouseEvent.MOUSE_DRAGGED, drag[0], drag[1]));
                    } else {
                        // 0.025 zoom levels: the map zooms 0.5 per notch of 40
                        double deltaY = (cycle < 180 ? 0.025 : -0.025) / 0.5 * 40;
                        Event.fireEvent(canvas, new ScrollEvent(ScrollEvent.SCROLL, WIDTH / 2.0, HEIGHT / 2.0,
                                WIDTH / 2.0, HEIGHT / 2.0, false, false, false, false, false, false, 0, deltaY, 0, deltaY,
                                ScrollEvent.HorizontalTextScrollUnits.NONE, 0, ScrollEvent.VerticalTextScrollUnits.NONE,
                                0, 0, null));
                    }
                    if (i % MOVE_EVERY == 0) {
                        Situation next = scene.situations().get((i / MOVE_EVERY) % scene.situations().size());
                        frame[0] = frame[0].next(next, next.time(), null);
                    }
                    map.show(frame[0]);
                    if (now - start > (WARM_UP_SECONDS + seconds) * 1e9) {
                        stop();
                        stage.hide();
                        double[] all = intervals(pulses, 1e6);
                        double[] cpuAll = intervals(cpu, 1e6);
                        List<Double> panning = new ArrayList<>();
                        List<Double> zooming = new ArrayList<>();
                        List<Double> zoomingCpu = new ArrayList<>();
                        for (int k = 0; k < all.length; k++) {
                            (zoomed.get(k) ? zooming : panning).add(all[k]);
                            if (zoomed.get(k)) {
                                zoomingCpu.add(cpuAll[k]);
                            }
                        }
                        result.complete(new Frames(all, panning.stream().mapToDouble(Double::doubleValue).toArray(),
                                zooming.stream().mapToDouble(Double::doubleValue).toArray(), cpuAll,
                                zoomingCpu.stream().mapToDouble(Double::doubleValue).toArray()));
                    }
                }
            }.start();
        });
        return result.get((long) (seconds + 60), TimeUnit.SECONDS);
    }

    private static MouseEvent mouse(javafx.event.EventType<MouseEvent> type, double x, double y) {
        return new MouseEvent(type, x, y, x, y, MouseButton.PRIMARY, 1, false, false, false, false, true, false,
                false, false, false, false, null);
    }

    private static Stage fullScreenStage(javafx.scene.Scene s) {
        Stage stage = new Stage();
        stage.setX(0);
        stage.setY(0);
        stage.setScene(s);
        stage.show();
        return stage;
    }

    private static double[] intervals(List<? extends Number> times, double perMs) {
        double[] out = new double[Math.max(0, times.size() - 1)];
        for (int i = 1; i < times.size(); i++) {
            out[i - 1] = (times.get(i).doubleValue() - times.get(i - 1).doubleValue()) / perMs;
        }
        return out;
    }

    // --- Leaflet in a WebView -----------------------------------------------------------------------------

    private static Path leafletPage(NpmPackages npm) throws Exception {
        Path leaflet = npm.get("leaflet", "1.9.4");
        Path cluster = npm.get("leaflet.markercluster", "1.5.3");
        Path heat = npm.get("leaflet.heat", "0.2.0");
        String html;
        try (InputStream in = MapFrames.class.getResourceAsStream("/bench/leaflet-scene.html")) {
            html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        html = html.replace("{{LEAFLET}}", leaflet.getFileName().toString())
                .replace("{{CLUSTER}}", cluster.getFileName().toString())
                .replace("{{HEAT}}", heat.getFileName().toString())
                .replace("{{BG}}", hex(Theme.token("-wall-bg")));
        Path page = leaflet.getParent().resolve("map-bench.html");
        Files.writeString(page, html);
        return page;
    }

    private static double[] leaflet(Scene scene, Path page, double seconds) throws Exception {
        String json = new ObjectMapper().writeValueAsString(leafletScene(scene));
        CompletableFuture<double[]> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            WebView web = new WebView();
            Stage stage = fullScreenStage(new javafx.scene.Scene(web, WIDTH, HEIGHT));
            web.getEngine().setOnError(e -> Figures.note("webview: {}", e.getMessage()));
            web.getEngine().getLoadWorker().stateProperty().addListener((o, was, now) -> {
                if (now == Worker.State.FAILED) {
                    result.completeExceptionally(new IllegalStateException("the Leaflet page did not load: " + page));
                } else if (now == Worker.State.SUCCEEDED) {
                    try {
                        JSObject window = (JSObject) web.getEngine().executeScript("window");
                        window.call("scene", json); // the markers go in through the JS bridge
                        window.call("run", WARM_UP_SECONDS + seconds);
                        poll(web, stage, result);
                    } catch (RuntimeException e) {
                        result.completeExceptionally(e);
                    }
                }
            });
            web.getEngine().load(page.toUri().toString());
        });
        return result.get((long) (seconds + 120), TimeUnit.SECONDS);
    }

    /** Waits on the FX thread (a timer, never blocking it) for the page's run to end, then takes its frame times. */
    private static void poll(WebView web, Stage stage, CompletableFuture<double[]> result) {
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (Boolean.TRUE.equals(web.getEngine().executeScript("done"))) {
                    stop();
                    String times = (String) web.getEngine().executeScript("JSON.stringify(frames)");
                    stage.hide();
                    try {
                        double[] ts = new ObjectMapper().readValue(times, double[].class);
                        List<Double> measured = new ArrayList<>();
                        for (double t : ts) {
                            if (t - ts[0] > WARM_UP_SECONDS * 1000) {
                                measured.add(t);
                            }
                        }
                        result.complete(intervals(measured, 1));
                    } catch (IOException e) {
                        result.completeExceptionally(e);
                    }
                }
            }
        }.start();
    }

    /** The scene for Leaflet: [lat, lon] pairs, colours from the wall's theme. */
    private static Map<String, Object> leafletScene(Scene scene) {
        Situation s = scene.situations().get(0);
        Map<String, Object> out = new LinkedHashMap<>();
        var b = s.district().bounds();
        out.put("west", b.west());
        out.put("south", b.south());
        out.put("east", b.east());
        out.put("north", b.north());
        out.put("bg", hex(Theme.token("-wall-bg")));
        out.put("text", hex(Theme.token("-wall-text")));
        out.put("boundary", hex(Theme.token("-wall-map-boundary")));
        out.put("grid", hex(Theme.token("-wall-map-grid")));
        out.put("sensor", hex(Theme.token("-wall-map-sensor")));
        out.put("heatColour", hex(Theme.token("-wall-map-heat")));
        out.put("incident", hex(Theme.color(Theme.WARNING)));
        out.put("unit", hex(Theme.color(Theme.OK)));
        List<Object> communities = new ArrayList<>();
        for (Community c : s.communities().values()) {
            if (c.boundary() != null) {
                communities.add(Map.of("ring", points(c.boundary().ring()), "fill", hex(Theme.token("-wall-map-land"))));
            }
        }
        out.put("communities", communities);
        List<Object> grids = new ArrayList<>();
        for (Grid g : s.grids().values()) {
            if (g.boundary() != null && g.kind() == Grid.Kind.GOVERNANCE) {
                grids.add(points(g.boundary().ring()));
            }
        }
        out.put("grids", grids);
        List<Object> roads = new ArrayList<>();
        for (BaseMap.Road r : scene.base().roads()) {
            List<double[]> line = new ArrayList<>();
            for (int i = 0; i < r.xs().length; i++) {
                line.add(new double[] {MapProjection.latOf(r.ys()[i]), MapProjection.lonOf(r.xs()[i])});
            }
            roads.add(Map.of("line", line, "weight", r.main() ? 5 : 2,
                    "colour", hex(Theme.token(r.main() ? "-wall-map-road-main" : "-wall-map-road"))));
        }
        out.put("roads", roads);
        out.put("heat", points(s.complaints().values().stream().map(Complaint::at).toList()));
        out.put("sensors", points(s.sensors().values().stream().map(Sensor::at).toList()));
        out.put("incidents", points(s.incidents().values().stream().filter(Incident::open).map(Incident::at).toList()));
        List<Object[]> cameras = new ArrayList<>();
        for (Camera c : s.cameras().values()) {
            if (c.at() != null) {
                Color colour = !c.online() ? Theme.color(Theme.STALE)
                        : Theme.token(c.ai() ? "-wall-map-ai" : "-wall-map-camera");
                cameras.add(new Object[] {c.at().lat(), c.at().lon(), hex(colour)});
            }
        }
        out.put("cameras", cameras);
        out.put("units", points(s.units().values().stream().map(FieldUnit::at).toList()));
        List<Object> moves = new ArrayList<>();
        for (Situation m : scene.situations()) {
            moves.add(points(m.units().values().stream().map(FieldUnit::at).toList()));
        }
        out.put("moves", moves);
        return out;
    }

    private static List<double[]> points(List<GeoPoint> at) {
        List<double[]> out = new ArrayList<>(at.size());
        for (GeoPoint p : at) {
            if (p != null) {
                out.add(new double[] {p.lat(), p.lon()});
            }
        }
        return out;
    }

    private static String hex(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }
}
