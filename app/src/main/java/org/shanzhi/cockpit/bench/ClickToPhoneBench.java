package org.shanzhi.cockpit.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.hub.Hub;
import org.shanzhi.cockpit.hub.HubRuntime;
import org.shanzhi.cockpit.hub.Role;
import org.shanzhi.cockpit.json.Json;

/**
 * {@code dispatch.click_to_phone_ms} (p99) and {@code dispatch.click_to_phone_p50_ms}: an order issued through the
 * API until the field page in headless Chromium shows it, on loopback. The page runs in Debian's
 * {@code /usr/bin/chromium}, driven over the DevTools protocol (a plain
 * WebSocket); before each order a promise in the page waits for a card of an order not yet taken to appear, and the
 * time is from just before the POST to the promise's answer. Each order is then taken back (撤回), which frees the
 * unit and hands the case back to dispatch for the next round.
 */
final class ClickToPhoneBench {

    static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final MediaType JSON = MediaType.get("application/json");
    private static final Pattern DEVTOOLS = Pattern.compile("DevTools listening on (ws://\\S+)");
    /** Resolves when the page shows an order the unit has not taken yet. */
    private static final String ORDER_SHOWN = """
            new Promise(resolve => {
              const shown = () => document.querySelector('.order[data-state="SENT"], .order[data-state="DELIVERED"]');
              if (shown()) { resolve(true); return; }
              const watch = new MutationObserver(() => { if (shown()) { watch.disconnect(); resolve(true); } });
              watch.observe(document.getElementById('orders'), { childList: true, subtree: true });
            })""";

    private final boolean quick;
    private final OkHttpClient http = new OkHttpClient.Builder().readTimeout(60, TimeUnit.SECONDS).build();

    ClickToPhoneBench(boolean quick) {
        this.quick = quick;
    }

    void run(Figures figures) throws Exception {
        if (!CHROMIUM.canExecute()) {
            Figures.note("dispatch: no {} (apt-get install chromium): click_to_phone not measured", CHROMIUM);
            return;
        }
        Path dir = Files.createTempDirectory("shanzhi-bench-phone");
        Process browser = null;
        try (HubRuntime runtime = HubRuntime.start(HubRuntime.Config.local(dir.resolve("hub")))) {
            List<Hub.Pending> inventory = new ArrayList<>();
            for (Event e : SyntheticHeyi.inventory(1)) {
                inventory.add(new Hub.Pending(null, e));
            }
            runtime.hub().appendEach(inventory, "bench");
            String unit = SyntheticHeyi.unitId(0);
            String unitToken = call(runtime, "POST", "/api/v1/units/" + unit + "/credential", Role.LEADER, null)
                    .get("token").asText();
            String incident = call(runtime, "POST", "/api/v1/incidents", Role.OPERATOR, """
                    {"title":"井盖缺失","category":"井盖缺失","severity":"HIGH","at":{"lon":116.39,"lat":39.815}}""")
                    .get("events").get(0).get("payload").get("incidentId").asText();
            call(runtime, "POST", "/api/v1/incidents/" + incident + "/advance", Role.OPERATOR,
                    "{\"state\":\"PENDING_DISPATCH\"}");

            browser = new ProcessBuilder(CHROMIUM.getPath(), "--headless=new", "--no-sandbox", "--disable-gpu",
                    "--disable-dev-shm-usage", "--remote-debugging-port=0", "--user-data-dir=" + dir.resolve("chromium"),
                    "--window-size=412,915", "--autoplay-policy=no-user-gesture-required", "about:blank")
                    .redirectErrorStream(true).start();
            try (Cdp page = Cdp.open(http, browser)) {
                page.send("Page.navigate", Map.of("url", runtime.baseUrl() + "/field/"));
                page.awaitTrue("document.readyState === 'complete' && !!document.getElementById('login-go')");
                page.evaluate("document.getElementById('token').value = '" + unitToken + "';"
                        + "document.getElementById('login-go').click(); true");
                page.awaitTrue("document.getElementById('link').textContent === '在线'");

                int warm = 3;
                int rounds = quick ? 5 : 200;
                long[] nanos = new long[rounds];
                long[] answered = new long[rounds]; // the POST's own answer, for the note
                for (int i = 0; i < warm + rounds; i++) {
                    CompletableFuture<JsonNode> shown = page.sendAsync("Runtime.evaluate",
                            Map.of("expression", ORDER_SHOWN, "awaitPromise", true, "returnByValue", true));
                    page.evaluate("true"); // answered after the promise above is in place: the protocol keeps order
                    long t0 = System.nanoTime();
                    String order = call(runtime, "POST", "/api/v1/incidents/" + incident + "/orders", Role.OPERATOR,
                            "{\"unitId\":\"" + unit + "\"}").get("events").get(0).get("payload").get("orderId").asText();
                    long posted = System.nanoTime() - t0;
                    shown.get(30, TimeUnit.SECONDS);
                    long took = System.nanoTime() - t0;
                    if (i >= warm) {
                        nanos[i - warm] = took;
                        answered[i - warm] = posted;
                    }
                    call(runtime, "POST", "/api/v1/orders/" + order + "/advance", Role.OPERATOR,
                            "{\"state\":\"CANCELLED\"}");
                    page.awaitTrue("!document.querySelector('.order[data-state=\"SENT\"], .order[data-state=\"DELIVERED\"]')");
                }
                Arrays.sort(nanos);
                Arrays.sort(answered);
                Figures.note("dispatch: the POST itself answered in p50 {} ms, p99 {} ms",
                        Math.round(Figures.quantile(answered, rounds, 0.50) / 1e5) / 10.0,
                        Math.round(Figures.quantile(answered, rounds, 0.99) / 1e5) / 10.0);
                figures.put("dispatch.click_to_phone_p50_ms", Figures.quantile(nanos, rounds, 0.50) / 1e6, 1, "ms");
                figures.put("dispatch.click_to_phone_ms", Figures.quantile(nanos, rounds, 0.99) / 1e6, 1, "ms");
            }
        } finally {
            if (browser != null) {
                browser.destroy();
                browser.waitFor(10, TimeUnit.SECONDS);
            }
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
            TempDirs.delete(dir);
        }
    }

    /** A command through the API, as a seat sends it; its JSON answer. */
    private JsonNode call(HubRuntime runtime, String method, String path, Role role, String body) throws IOException {
        Request request = new Request.Builder().url(runtime.baseUrl() + path)
                .header("Authorization", "Bearer " + runtime.tokens().tokenOf(role))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .method(method, RequestBody.create(body == null ? "" : body, JSON)).build();
        try (Response r = http.newCall(request).execute()) {
            String answer = r.body().string();
            if (r.code() / 100 != 2) {
                throw new IllegalStateException(method + " " + path + " answered " + r.code() + ": " + answer);
            }
            return Json.MAPPER.readTree(answer);
        }
    }

    /** The DevTools protocol on the browser's first page: commands by id, answers as futures. */
    private static final class Cdp extends WebSocketListener implements AutoCloseable {

        private final AtomicInteger ids = new AtomicInteger();
        private final Map<Integer, CompletableFuture<JsonNode>> waiting = new ConcurrentHashMap<>();
        private final WebSocket socket;

        private Cdp(OkHttpClient http, String url) {
            this.socket = http.newWebSocket(new Request.Builder().url(url).build(), this);
        }

        /** Reads the browser's DevTools address from its output, then opens its first page. */
        static Cdp open(OkHttpClient http, Process browser) throws IOException {
            BufferedReader out = new BufferedReader(new InputStreamReader(browser.getInputStream(),
                    StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null) {
                Matcher m = DEVTOOLS.matcher(line);
                if (m.find()) {
                    String base = m.group(1).replaceFirst("^ws://", "http://").replaceFirst("/devtools/.*$", "");
                    Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "chromium-output");
                    drain.setDaemon(true);
                    drain.start();
                    try (Response r = http.newCall(new Request.Builder().url(base + "/json/list").build()).execute()) {
                        for (JsonNode target : Json.MAPPER.readTree(r.body().string())) {
                            if (target.get("type").asText().equals("page")) {
                                return new Cdp(http, target.get("webSocketDebuggerUrl").asText());
                            }
                        }
                    }
                    throw new IOException("chromium has no page to drive");
                }
            }
            throw new IOException("chromium ended without a DevTools address");
        }

        CompletableFuture<JsonNode> sendAsync(String method, Map<String, Object> params) {
            int id = ids.incrementAndGet();
            CompletableFuture<JsonNode> answer = new CompletableFuture<>();
            waiting.put(id, answer);
            socket.send(Json.write(Map.of("id", id, "method", method, "params", params)));
            return answer;
        }

        JsonNode send(String method, Map<String, Object> params) throws Exception {
            return sendAsync(method, params).get(30, TimeUnit.SECONDS);
        }

        /** Evaluates in the page, awaiting a promise; an exception in the page fails here. */
        JsonNode evaluate(String expression) throws Exception {
            JsonNode r = send("Runtime.evaluate", Map.of("expression", expression, "awaitPromise", true,
                    "returnByValue", true));
            if (r.has("exceptionDetails")) {
                throw new IllegalStateException("the page failed: " + r.get("exceptionDetails"));
            }
            return r;
        }

        /** Asks the page until {@code condition} is true (a page being loaded answers with an error meanwhile). */
        void awaitTrue(String condition) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (true) {
                try {
                    if (evaluate(condition).path("result").path("value").asBoolean()) {
                        return;
                    }
                } catch (ExecutionException | IllegalStateException e) {
                    if (System.nanoTime() > deadline) {
                        throw e;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the page never reached: " + condition);
                }
                TimeUnit.MILLISECONDS.sleep(20);
            }
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            try {
                JsonNode m = Json.MAPPER.readTree(text);
                if (m.has("id")) {
                    CompletableFuture<JsonNode> f = waiting.remove(m.get("id").asInt());
                    if (f != null) {
                        if (m.has("error")) {
                            f.completeExceptionally(new IllegalStateException(m.get("error").toString()));
                        } else {
                            f.complete(m.get("result"));
                        }
                    }
                }
            } catch (IOException e) {
                waiting.values().forEach(f -> f.completeExceptionally(e));
            }
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable t, Response response) {
            waiting.values().forEach(f -> f.completeExceptionally(t));
        }

        @Override
        public void close() {
            socket.close(1000, null);
        }
    }
}
