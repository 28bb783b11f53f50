package org.shanzhi.cockpit.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.feed.HubFeed;
import org.shanzhi.cockpit.hub.Hub;
import org.shanzhi.cockpit.hub.HubRuntime;
import org.shanzhi.cockpit.hub.Role;
import org.shanzhi.cockpit.json.Json;
import org.shanzhi.cockpit.wall.WallContext;
import org.shanzhi.cockpit.wall.WallFrame;
import org.shanzhi.cockpit.wall.WallLinks;
import org.shanzhi.cockpit.wall.dispatch.IncidentScreen;

/**
 * {@code dispatch.ack_to_wall_ms} (p99) and {@code dispatch.ack_to_wall_p50_ms}: a unit accepts its order through
 * the API on its own token until the wall's incident screen, fed by the hub's stream like a wall, shows 已签收. The
 * screen runs on JavaFX's headless platform and is shown the feed's newest situation on every pulse, as the wall's
 * pump does; the time is from just before the POST to the pulse whose screen reads 已签收. Each order is then taken
 * back (撤回) for the next round. Beside the whole, where a round's time goes: until the hub answered the POST
 * ({@code _answer_}), and the pulse that showed it, from reading the feed to the screen done ({@code _render_}); the
 * rest is the stream, the feed's fold and the wait for that pulse.
 */
final class AckToWallBench {

    private static final MediaType JSON = MediaType.get("application/json");
    /** The style class of an order's state on the incident screen. */
    private static final String ORDER_STATE = "incident-order-state";

    private final boolean quick;
    private final OkHttpClient http = new OkHttpClient.Builder().readTimeout(60, TimeUnit.SECONDS).build();

    AckToWallBench(boolean quick) {
        this.quick = quick;
    }

    void run(Figures figures) throws Exception {
        WallBench.startToolkit();
        Path dir = Files.createTempDirectory("shanzhi-bench-ack");
        try (HubRuntime runtime = HubRuntime.start(HubRuntime.Config.local(dir.resolve("hub")));
             HubFeed feed = new HubFeed(runtime.baseUrl(), runtime.tokens().tokenOf(Role.VIEWER)).start()) {
            List<Hub.Pending> inventory = new ArrayList<>();
            for (Event e : SyntheticHeyi.inventory(1)) {
                inventory.add(new Hub.Pending(null, e));
            }
            runtime.hub().appendEach(inventory, "bench");
            String unit = SyntheticHeyi.unitId(0);
            String unitToken = call(runtime, "/api/v1/units/" + unit + "/credential", runtime.tokens().tokenOf(Role.LEADER),
                    null).get("token").asText();
            String operator = runtime.tokens().tokenOf(Role.OPERATOR);
            String incident = call(runtime, "/api/v1/incidents", operator, """
                    {"title":"井盖缺失","category":"井盖缺失","severity":"HIGH","at":{"lon":116.39,"lat":39.815}}""")
                    .get("events").get(0).get("payload").get("incidentId").asText();
            call(runtime, "/api/v1/incidents/" + incident + "/advance", operator, "{\"state\":\"PENDING_DISPATCH\"}");

            WallContext context = new WallContext(feed::status, runtime.baseUrl(), runtime.tokens().tokenOf(Role.VIEWER),
                    "viewer", new WallLinks());
            CompletableFuture<IncidentScreen> made = new CompletableFuture<>();
            Platform.runLater(() -> made.complete(new IncidentScreen(context)));
            IncidentScreen screen = made.get(30, TimeUnit.SECONDS);
            // what the pulse waits for: an order's state text, and when it was seen
            AtomicReference<Watch> watch = new AtomicReference<>();
            AnimationTimer pump = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    long pulse = System.nanoTime();
                    Situation s = feed.latest();
                    screen.show(WallFrame.of(s, s.time(), feed.status()));
                    long shown = System.nanoTime();
                    Watch w = watch.get();
                    if (w != null && w.state().equals(stateOf(screen.node(), w.orderId()))) {
                        watch.set(null);
                        w.seen().complete(new long[] {pulse, shown});
                    }
                }
            };
            Platform.runLater(() -> {
                screen.open(incident);
                pump.start();
            });

            int warm = 3;
            int rounds = quick ? 5 : 200;
            long[] nanos = new long[rounds];
            long[] answers = new long[rounds];
            long[] renders = new long[rounds];
            try {
                for (int i = 0; i < warm + rounds; i++) {
                    String order = call(runtime, "/api/v1/incidents/" + incident + "/orders", operator,
                            "{\"unitId\":\"" + unit + "\"}").get("events").get(0).get("payload").get("orderId").asText();
                    call(runtime, "/api/v1/orders/" + order + "/advance", unitToken, "{\"state\":\"DELIVERED\"}");
                    await(watch, order, "已送达");
                    CompletableFuture<long[]> accepted = new CompletableFuture<>();
                    watch.set(new Watch(order, "已签收", accepted));
                    long t0 = System.nanoTime();
                    call(runtime, "/api/v1/orders/" + order + "/advance", unitToken, "{\"state\":\"ACCEPTED\"}");
                    long answered = System.nanoTime() - t0;
                    long[] seen = accepted.get(30, TimeUnit.SECONDS);
                    if (i >= warm) {
                        nanos[i - warm] = seen[1] - t0;
                        answers[i - warm] = answered;
                        renders[i - warm] = seen[1] - seen[0];
                    }
                    call(runtime, "/api/v1/orders/" + order + "/advance", operator, "{\"state\":\"CANCELLED\"}");
                    await(watch, order, "撤回");
                }
            } finally {
                Platform.runLater(pump::stop);
            }
            Arrays.sort(nanos);
            Arrays.sort(answers);
            Arrays.sort(renders);
            figures.put("dispatch.ack_to_wall_p50_ms", Figures.quantile(nanos, rounds, 0.50) / 1e6, 1, "ms");
            figures.put("dispatch.ack_to_wall_ms", Figures.quantile(nanos, rounds, 0.99) / 1e6, 1, "ms");
            figures.put("dispatch.ack_to_wall_answer_p99_ms", Figures.quantile(answers, rounds, 0.99) / 1e6, 1, "ms");
            figures.put("dispatch.ack_to_wall_render_p50_ms", Figures.quantile(renders, rounds, 0.50) / 1e6, 1, "ms");
            figures.put("dispatch.ack_to_wall_render_p99_ms", Figures.quantile(renders, rounds, 0.99) / 1e6, 1, "ms");
        } finally {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
            TempDirs.delete(dir);
        }
    }

    /** What the pulse waits for; {@code seen} completes with the pulse's start and the screen's end, in nanos. */
    private record Watch(String orderId, String state, CompletableFuture<long[]> seen) {
    }

    private static void await(AtomicReference<Watch> watch, String orderId, String state) throws Exception {
        CompletableFuture<long[]> seen = new CompletableFuture<>();
        watch.set(new Watch(orderId, state, seen));
        seen.get(30, TimeUnit.SECONDS);
    }

    /** The state the screen shows for {@code orderId}, or null while it shows no such order. Called on the FX thread. */
    private static String stateOf(Node screen, String orderId) {
        Node row = screen.lookup("#" + orderId);
        if (row == null) {
            return null;
        }
        return row.lookupAll("." + ORDER_STATE).stream().filter(n -> n instanceof Label).map(n -> ((Label) n).getText())
                .findFirst().orElse(null);
    }

    /** A command through the API on {@code token}; its JSON answer. */
    private JsonNode call(HubRuntime runtime, String path, String token, String body) throws Exception {
        Request request = new Request.Builder().url(runtime.baseUrl() + path)
                .header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .post(RequestBody.create(body == null ? "" : body, JSON)).build();
        try (Response r = http.newCall(request).execute()) {
            String answer = r.body().string();
            if (r.code() / 100 != 2) {
                throw new IllegalStateException("POST " + path + " answered " + r.code() + ": " + answer);
            }
            return Json.MAPPER.readTree(answer);
        }
    }
}
