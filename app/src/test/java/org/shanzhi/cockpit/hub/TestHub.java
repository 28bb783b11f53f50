package org.shanzhi.cockpit.hub;

import static org.awaitility.Awaitility.await;

import org.shanzhi.cockpit.json.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

import org.shanzhi.cockpit.domain.Event;

/** A real hub on a free loopback port, with a real HTTP and WebSocket client. */
public final class TestHub implements AutoCloseable {

    static final MediaType JSON = MediaType.get("application/json");
    static final OkHttpClient HTTP = new OkHttpClient.Builder().readTimeout(30, TimeUnit.SECONDS).build();

    static {
        // each open WebSocket counts as a running call: tests hold hundreds
        HTTP.dispatcher().setMaxRequests(1000);
        HTTP.dispatcher().setMaxRequestsPerHost(1000);
    }

    final Path data;
    public final HubRuntime runtime;

    public TestHub(Path data) {
        this(HubRuntime.Config.local(data));
    }

    public TestHub(HubRuntime.Config config) {
        this.data = config.dataDir();
        this.runtime = HubRuntime.start(config);
    }

    public String token(Role role) {
        return runtime.tokens().tokenOf(role);
    }

    public record Reply(int status, JsonNode json, String body) {
    }

    Reply get(String path, Role role) {
        Request.Builder b = new Request.Builder().url(runtime.baseUrl() + path);
        if (role != null) {
            b.header("Authorization", "Bearer " + token(role));
        }
        return call(b.build());
    }

    /** GET /api/v1/snapshot once the hub serves it at its head (it serves the newest one it has prepared). */
    Reply snapshotAtHead() {
        long head = runtime.hub().head();
        return await().atMost(Duration.ofSeconds(20)).until(() -> get("/api/v1/snapshot", Role.VIEWER),
                r -> r.status() == 200 && r.json().get("seq").asLong() == head);
    }

    Reply post(String path, Role role, String body, String idempotencyKey) {
        Request.Builder b = new Request.Builder().url(runtime.baseUrl() + path).post(RequestBody.create(body, JSON));
        if (role != null) {
            b.header("Authorization", "Bearer " + token(role));
        }
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        return call(b.build());
    }

    /** A call with a bearer token given as is (a unit's own token, a revoked one). */
    Reply call(String method, String path, String bearer, String body, String idempotencyKey) {
        RequestBody b = body == null ? null : RequestBody.create(body, JSON);
        Request.Builder r = new Request.Builder().url(runtime.baseUrl() + path).method(method,
                b == null && method.equals("POST") ? RequestBody.create(new byte[0]) : b);
        if (bearer != null) {
            r.header("Authorization", "Bearer " + bearer);
        }
        if (idempotencyKey != null) {
            r.header("Idempotency-Key", idempotencyKey);
        }
        return call(r.build());
    }

    Reply delete(String path, Role role) {
        return call("DELETE", path, role == null ? null : token(role), null, null);
    }

    /** A new token of the unit's own, issued by the leader. */
    String unitToken(String unitId) {
        Reply r = post("/api/v1/units/" + unitId + "/credential", Role.LEADER, "", null);
        if (r.status() != 201) {
            throw new IllegalStateException("credential for " + unitId + ": " + r.body());
        }
        return r.json().get("token").asText();
    }

    /** Posts events to /ingest as {type, payload}. */
    public Reply ingest(List<Event> events) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Event e : events) {
            list.add(Map.of("type", Json.typeOf(e), "payload", e));
        }
        return post("/api/v1/ingest", Role.INGEST, Json.write(Map.of("events", list)), null);
    }

    static Reply call(Request request) {
        try (Response r = HTTP.newCall(request).execute()) {
            String body = r.body().string();
            JsonNode json = body.isEmpty() ? null : Json.MAPPER.readTree(body);
            return new Reply(r.code(), json, body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A WebSocket subscriber that keeps every frame and the close reason. */
    final class Subscriber extends WebSocketListener implements AutoCloseable {
        final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
        volatile int closeCode;
        volatile String closeReason;
        volatile Throwable failure;
        volatile int messages;
        volatile String extensions;
        final WebSocket socket;

        Subscriber(String query) {
            this(query, token(Role.VIEWER));
        }

        Subscriber(String query, String bearer) {
            Request request = new Request.Builder().url("ws://127.0.0.1:" + runtime.port() + "/api/v1/stream" + query)
                    .header("Authorization", "Bearer " + bearer).build();
            socket = HTTP.newWebSocket(request, this);
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            messages++;
            try {
                JsonNode n = Json.MAPPER.readTree(text);
                if (n.isArray()) {
                    n.forEach(frames::add);
                } else {
                    frames.add(n);
                }
            } catch (IOException e) {
                failure = e;
            }
        }

        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            extensions = response.header("Sec-WebSocket-Extensions");
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            closeCode = code;
            closeReason = reason;
            webSocket.close(1000, null);
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable t, Response response) {
            failure = t;
        }

        List<JsonNode> take(int n) throws InterruptedException {
            List<JsonNode> out = new ArrayList<>();
            while (out.size() < n) {
                JsonNode f = frames.poll(20, TimeUnit.SECONDS);
                if (f == null) {
                    throw new AssertionError("only " + out.size() + " of " + n + " frames arrived");
                }
                out.add(f);
            }
            return out;
        }

        @Override
        public void close() {
            socket.close(1000, "done");
        }
    }

    Subscriber subscribe(String query) {
        return new Subscriber(query);
    }

    /** A subscriber on a token given as is (a unit's own). */
    Subscriber subscribe(String query, String bearer) {
        return new Subscriber(query, bearer);
    }

    /** The hub server's private {@code field}, for tests that look at what it holds. */
    @SuppressWarnings("unchecked")
    <T> T serverField(String field) {
        try {
            java.lang.reflect.Field f = HubServer.class.getDeclaredField(field);
            f.setAccessible(true);
            return (T) f.get(runtime.server());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The HTTP sessions Jetty holds in memory. */
    long httpSessions() {
        io.javalin.Javalin app = serverField("app");
        var handler = app.jettyServer().server().getDescendant(org.eclipse.jetty.ee10.servlet.SessionHandler.class);
        return ((org.eclipse.jetty.session.DefaultSessionCache) handler.getSessionCache()).getSessionsCurrent();
    }

    /** The stream subscribers the server is serving. */
    List<StreamSession> subscribers() {
        Streams streams = serverField("streams");
        return streams.sessions();
    }

    @Override
    public void close() {
        runtime.close();
    }
}
