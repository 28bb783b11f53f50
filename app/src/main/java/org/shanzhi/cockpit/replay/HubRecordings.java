package org.shanzhi.cockpit.replay;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

import org.shanzhi.cockpit.json.Json;
import org.shanzhi.cockpit.recording.Recording;

/**
 * A range of a hub's own journal for replay: {@code GET /api/v1/recording?from&to} (a leader's or a trainer's
 * token) into a temporary file, then read like any recording file. Blocking: call it off the FX thread.
 */
public final class HubRecordings {

    /** The hub refused or could not be asked; the message is the hub's own, or what went wrong. */
    public static final class Refused extends Exception {
        private final int status;

        Refused(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }

        /** The HTTP status, or 0 when the hub was not reached. */
        public int status() {
            return status;
        }
    }

    /** How long a hub that does not answer at all is waited for: a wall PC's own hub may take minutes to listen. */
    static final Duration UNREACHED_PATIENCE = Duration.ofMinutes(10);

    private final String baseUrl;
    private final String token;
    private final OkHttpClient http = new OkHttpClient.Builder()
            .connectTimeout(Duration.ofSeconds(5))
            .readTimeout(Duration.ofMinutes(5)) // a day's recording is written before the first byte comes
            .build();

    public HubRecordings(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    /**
     * The same, once the hub has lived up to {@code to}: asked again every half second while the hub is not
     * reached, still starting, or its latest event is before {@code to} (a wall opened with its hub, which lives
     * the day as it opens, {@code --replay-from}), for at most {@code patience} from the hub's first answer; then
     * what the hub has. A hub that does not answer at all (the wall's own still reading its journal) is waited for
     * up to {@link #UNREACHED_PATIENCE}, then refused with status 0.
     */
    public Replay fetchWhenReady(Instant from, Instant to, Duration patience) throws Refused, InterruptedException {
        long unreachedUntil = System.nanoTime() + UNREACHED_PATIENCE.toNanos();
        long deadline = Long.MAX_VALUE;
        while (true) {
            Health h = health(to);
            if (h != Health.AWAY && deadline == Long.MAX_VALUE) {
                deadline = System.nanoTime() + patience.toNanos();
            }
            boolean last = System.nanoTime() > Math.min(deadline, unreachedUntil);
            if (last || h == Health.LIVED) {
                try {
                    return fetch(from, to);
                } catch (Refused e) {
                    if ((e.status() != 0 && e.status() != 503) || last) {
                        throw e;
                    }
                }
            }
            Thread.sleep(500);
        }
    }

    /** How the hub answers its health: not at all, not yet up to a time (or still starting), or lived up to it. */
    private enum Health { AWAY, BEHIND, LIVED }

    private Health health(Instant to) {
        Request request = new Request.Builder().url(baseUrl + "/api/v1/health").build();
        try (Response r = http.newCall(request).execute()) {
            if (r.code() != 200) {
                return Health.BEHIND;
            }
            JsonNode health = Json.MAPPER.readTree(r.body().string());
            return Instant.parse(health.path("time").asText(Instant.EPOCH.toString())).isBefore(to)
                    ? Health.BEHIND : Health.LIVED;
        } catch (IOException | RuntimeException e) {
            return Health.AWAY;
        }
    }

    /** The hub's journal from {@code from} to {@code to}, read for replay. */
    public Replay fetch(Instant from, Instant to) throws Refused {
        HttpUrl url = HttpUrl.get(baseUrl).newBuilder().addPathSegments("api/v1/recording")
                .addQueryParameter("from", from.toString()).addQueryParameter("to", to.toString()).build();
        Request request = new Request.Builder().url(url).header("Authorization", "Bearer " + token).build();
        Path file = null;
        try (Response r = http.newCall(request).execute()) {
            if (!r.isSuccessful()) {
                throw new Refused(r.code(), message(r));
            }
            file = Files.createTempFile("shanzhi-replay-", ".shanzhi");
            try (InputStream in = r.body().byteStream()) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return new Replay(Recording.read(file));
        } catch (IOException e) {
            throw new Refused(0, e.getMessage());
        } catch (Recording.Unreadable e) {
            throw new Refused(0, e.getMessage());
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file the system cleans anyway
                }
            }
        }
    }

    private static String message(Response r) throws IOException {
        String body = r.body().string();
        try {
            JsonNode n = Json.MAPPER.readTree(body);
            if (n != null && n.hasNonNull("message")) {
                return n.get("message").asText();
            }
        } catch (IOException notJson) {
            // the status says it
        }
        return "HTTP " + r.code();
    }
}
