package org.shanzhi.cockpit.app;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import picocli.CommandLine.Option;

import org.shanzhi.cockpit.json.Json;

/**
 * The command line's calls to a running hub with a trainer's (or leader's) token. Whatever goes wrong is a
 * {@link Refused} with one line that says what and what to do: the hub not answering, the token refused, the hub's
 * own refusal ({@code message} of its error answer).
 */
final class HubClient {

    /** The options that name the hub and the token (a mixin of the commands that call a hub). */
    static final class Options {
        @Option(names = "--hub", defaultValue = "http://127.0.0.1:8717", description = "Hub URL (default: ${DEFAULT-VALUE}).")
        String hub;

        @Option(names = "--token", description = "A trainer's token (see --token-file, --tokens).")
        String token;

        @Option(names = "--token-file", paramLabel = "FILE", description = "A file holding the token alone.")
        Path tokenFile;

        @Option(names = "--tokens", paramLabel = "FILE", defaultValue = "${user.home}/.shanzhi-cockpit/tokens.json",
                description = "Without --token or --token-file: the hub's tokens file, its trainer entry"
                        + " (default: ${DEFAULT-VALUE}).")
        Path tokens;

        HubClient client() {
            String t = token;
            try {
                if (t == null && tokenFile != null) {
                    t = Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
                } else if (t == null && Files.isRegularFile(tokens)) {
                    t = Json.MAPPER.readTree(Files.readString(tokens)).path("trainer").asText(null);
                }
            } catch (IOException e) {
                throw new Refused("cannot read the token: " + e);
            }
            if (t == null || t.isEmpty()) {
                throw new Refused("no token: pass --token, --token-file or --tokens with a \"trainer\" entry");
            }
            return new HubClient(hub.replaceAll("/+$", ""), t);
        }
    }

    /** A call that did not go through, said in one line. */
    static final class Refused extends RuntimeException {
        final int status;

        Refused(String message) {
            this(0, message);
        }

        Refused(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    private static final MediaType JSON = MediaType.get("application/json");

    private final String base;
    private final String token;
    private final OkHttpClient http = new OkHttpClient.Builder().readTimeout(120, TimeUnit.SECONDS).build();

    HubClient(String base, String token) {
        this.base = base;
        this.token = token;
    }

    JsonNode get(String path) {
        return call(request(path).get());
    }

    JsonNode post(String path, String body) {
        return call(request(path).post(RequestBody.create(body, JSON)));
    }

    /** Writes the recording from {@code from} to {@code to} (the hub's times) to {@code out}, whole or not at all. */
    void recording(Instant from, Instant to, Path out) throws IOException {
        String path = "/api/v1/recording?from=" + query(from) + "&to=" + query(to);
        Path tmp = Files.createTempFile(out.toAbsolutePath().getParent(), out.getFileName().toString(), ".part");
        try (Response r = send(request(path).get()); InputStream in = r.body().byteStream()) {
            if (!r.isSuccessful()) {
                throw refusal(r.code(), r.body().string());
            }
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    String base() {
        return base;
    }

    private static String query(Instant t) {
        return URLEncoder.encode(t.toString(), StandardCharsets.UTF_8);
    }

    private Request.Builder request(String path) {
        return new Request.Builder().url(base + path).header("Authorization", "Bearer " + token);
    }

    private JsonNode call(Request.Builder request) {
        try (Response r = send(request)) {
            String body = r.body().string();
            if (!r.isSuccessful()) {
                throw refusal(r.code(), body);
            }
            return Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new Refused("the hub at " + base + " broke off its answer: " + e.getMessage());
        }
    }

    private Response send(Request.Builder request) {
        try {
            return http.newCall(request.build()).execute();
        } catch (IOException e) {
            throw new Refused("the hub at " + base + " does not answer (" + e.getMessage() + "): is it running there?");
        }
    }

    private Refused refusal(int status, String body) {
        String message;
        try {
            message = Json.MAPPER.readTree(body).path("message").asText(body);
        } catch (IOException e) {
            message = body;
        }
        return new Refused(status, switch (status) {
            case 401 -> "the hub at " + base + " refused the token (401): check --token / --token-file";
            case 403 -> "the token's role may not do this (403: " + message + "); drills need a trainer's token";
            default -> message;
        });
    }
}
