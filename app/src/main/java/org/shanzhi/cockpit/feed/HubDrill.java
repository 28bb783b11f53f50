package org.shanzhi.cockpit.feed;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

import org.shanzhi.cockpit.json.Json;

/**
 * Reads the hub's drill (GET /api/v1/drill, docs/api.md "Drills") and the drills it can load
 * (GET /api/v1/drill/scripts) for the trainer's control. The drill's state is not part of the situation: the
 * exercise clock lives on the hub, so the control asks for it. What it sends goes through {@link HubCommands}.
 */
public final class HubDrill implements AutoCloseable {

    /** What the trainees are expected to do once an inject fired, within {@code withinSeconds}. */
    public record Expect(String action, long withinSeconds, String text) {
    }

    /** One inject: when it fires in drill time (null while it waits on another inject or the trainees), fired or not. */
    public record Inject(String id, String title, Long firesAtSeconds, boolean fired, List<Expect> expect) {
    }

    /** The drill loaded on the hub: {@code state} is ready, running, paused, stopped or finished. */
    public record Status(String id, String name, String state, long clockSeconds, int emitted, int dropped,
                         String lastDropped, List<Inject> injects) {

        /** Whether the drill is under way (running or paused): the controls that steer it apply. */
        public boolean live() {
            return state.equals("running") || state.equals("paused");
        }
    }

    /** A drill the hub can load by {@code name}. */
    public record Script(String name, String title, String summary) {
    }

    /**
     * One reading of the hub's drill: its status, or none loaded ({@code status} and {@code problem} null), or why
     * it could not be read ({@code problem}: the hub's answer or why there was none).
     */
    public record Reading(Status status, String problem) {
    }

    private final String baseUrl;
    private final String token;
    private final OkHttpClient http;

    public HubDrill(String baseUrl, String token) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.token = token;
        this.http = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(3))
                .callTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** The drill now; completes on okhttp's thread, never exceptionally. */
    public CompletableFuture<Reading> status() {
        return get("/api/v1/drill").thenApply(answer -> {
            if (answer.problem() != null) {
                return new Reading(null, answer.problem());
            }
            if (answer.code() == 404) {
                return new Reading(null, null);
            }
            if (answer.code() != 200) {
                return new Reading(null, "HTTP " + answer.code());
            }
            return new Reading(status(answer.json()), null);
        });
    }

    /** The drills the hub can load; an empty list when it cannot be read (the control then offers none). */
    public CompletableFuture<List<Script>> scripts() {
        return get("/api/v1/drill/scripts").thenApply(answer -> {
            List<Script> out = new ArrayList<>();
            if (answer.code() == 200 && answer.json().isArray()) {
                for (JsonNode s : answer.json()) {
                    out.add(new Script(s.path("name").asText(), s.path("title").asText(), s.path("summary").asText()));
                }
            }
            return out;
        });
    }

    static Status status(JsonNode s) {
        List<Inject> injects = new ArrayList<>();
        for (JsonNode i : s.path("injects")) {
            List<Expect> expect = new ArrayList<>();
            for (JsonNode x : i.path("expect")) {
                expect.add(new Expect(x.path("action").asText(), x.path("withinSeconds").asLong(),
                        x.path("text").asText("").isBlank() ? null : x.get("text").asText()));
            }
            JsonNode at = i.path("firesAtSeconds");
            injects.add(new Inject(i.path("id").asText(), i.path("title").asText(), at.isNumber() ? at.asLong() : null,
                    i.path("fired").asBoolean(), List.copyOf(expect)));
        }
        JsonNode last = s.path("lastDropped");
        return new Status(s.path("id").asText(), s.path("name").asText(), s.path("state").asText(),
                s.path("clockSeconds").asLong(), s.path("emitted").asInt(), s.path("dropped").asInt(),
                last.isTextual() ? last.asText() : null, List.copyOf(injects));
    }

    private record Answer(int code, JsonNode json, String problem) {
    }

    private CompletableFuture<Answer> get(String path) {
        CompletableFuture<Answer> out = new CompletableFuture<>();
        Request request = new Request.Builder().url(baseUrl + path).header("Authorization", "Bearer " + token).build();
        http.newCall(request).enqueue(new Callback() {
            @Override
            public void onFailure(Call call, IOException e) {
                out.complete(new Answer(0, null, String.valueOf(e.getMessage())));
            }

            @Override
            public void onResponse(Call call, Response response) {
                try (response) {
                    String body = response.body().string();
                    JsonNode json = body.isBlank() ? Json.MAPPER.nullNode() : Json.MAPPER.readTree(body);
                    out.complete(new Answer(response.code(), json, null));
                } catch (IOException | RuntimeException e) {
                    out.complete(new Answer(0, null, String.valueOf(e.getMessage())));
                }
            }
        });
        return out;
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
