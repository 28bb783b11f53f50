package org.shanzhi.cockpit.feed;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import org.shanzhi.cockpit.json.Json;

/**
 * Orders sent to a hub on behalf of the person at the wall (POST /api/v1/…, see docs/api.md). Each call gets its
 * own Idempotency-Key and runs on okhttp's threads; the answer completes the returned future there, never
 * exceptionally: a refusal or a failure is an {@link Outcome} like success.
 */
public final class HubCommands {

    private static final MediaType JSON = MediaType.get("application/json");

    /** What became of an order. */
    public sealed interface Outcome {
        /** The hub wrote it; {@code seq} is its first event. */
        record Done(long seq) implements Outcome {
        }

        /** The hub answered no: {@code status} 4xx/5xx and the hub's own message. */
        record Refused(int status, String error, String message) implements Outcome {
        }

        /** No answer: the hub could not be reached or answered something unreadable. */
        record Failed(String reason) implements Outcome {
        }
    }

    private final String baseUrl;
    private final String token;
    private final OkHttpClient http;

    public HubCommands(String baseUrl, String token) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.token = token;
        this.http = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(3))
                .callTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** 派遣: sends {@code unitId} to the case (operator or leader; the case must be waiting for dispatch). */
    public CompletableFuture<Outcome> dispatch(String incidentId, String unitId) {
        return post("/api/v1/incidents/" + incidentId + "/dispatch", Map.of("unitId", unitId));
    }

    /**
     * 研判: one AI alert's review (operator or leader): {@code body} is {decision, falseAlarm?, mergedInto?,
     * incidentId?} as docs/api.md says.
     */
    public CompletableFuture<Outcome> review(String alertId, Map<String, String> body) {
        return post("/api/v1/alerts/" + alertId + "/review", body);
    }

    private CompletableFuture<Outcome> post(String path, Object body) {
        CompletableFuture<Outcome> out = new CompletableFuture<>();
        Request request = new Request.Builder()
                .url(baseUrl + path)
                .header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .post(RequestBody.create(Json.write(body), JSON))
                .build();
        http.newCall(request).enqueue(new Callback() {
            @Override
            public void onResponse(Call call, Response response) {
                try (response) {
                    out.complete(outcome(response.code(), response.body().string()));
                } catch (IOException | RuntimeException e) {
                    out.complete(new Outcome.Failed(String.valueOf(e.getMessage())));
                }
            }

            @Override
            public void onFailure(Call call, IOException e) {
                out.complete(new Outcome.Failed(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            }
        });
        return out;
    }

    static Outcome outcome(int status, String body) throws IOException {
        JsonNode json = body.isBlank() ? null : Json.MAPPER.readTree(body);
        if (status / 100 == 2) {
            JsonNode seq = json == null ? null : json.get("firstSeq");
            return new Outcome.Done(seq == null || !seq.isNumber() ? 0 : seq.asLong());
        }
        String error = json == null ? "" : json.path("error").asText("");
        String message = json == null ? "HTTP " + status : json.path("message").asText("HTTP " + status);
        return new Outcome.Refused(status, error, message);
    }
}
