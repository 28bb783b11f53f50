package org.shanzhi.cockpit.hub;

import org.shanzhi.cockpit.json.Json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.Fixtures;

/** A hub process killed with SIGKILL while clients write loses none of the events it acknowledged. */
class CrashTest {

    @TempDir
    Path data;

    @Test
    void killedMidWriteLosesNoAcceptedEvent() throws Exception {
        Process hub = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.shanzhi.cockpit.app.Main",
                "hub", "--scenario", "none", "--port", "0", "--data", data.toString())
                .redirectErrorStream(true).start();
        try {
            String base = awaitListening(hub);
            String token = Json.MAPPER.readTree(data.resolve("tokens.json").toFile()).get("ingest").asText();
            post(base, token, Fixtures.inventory());

            long acknowledged = 0;
            List<Double> values = new ArrayList<>();
            AtomicInteger batches = new AtomicInteger();
            // killed mid-ingest: once 20 batches are acknowledged, while the next ones are on their way
            Thread killer = new Thread(() -> {
                await().atMost(Duration.ofSeconds(60)).until(() -> batches.get() >= 20);
                hub.destroyForcibly();
            });
            killer.start();
            for (int i = 0; ; i++) {
                List<Event> batch = new ArrayList<>();
                for (int j = 0; j < 50; j++) {
                    batch.add(new Event.SensorReported("S-1", i * 50 + j));
                }
                JsonNode reply;
                try {
                    reply = post(base, token, batch);
                } catch (RuntimeException e) {
                    break;
                }
                acknowledged = reply.get("lastSeq").asLong();
                values.add((double) (i * 50 + 49));
                batches.incrementAndGet();
            }
            killer.join();
            assertThat(hub.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(acknowledged).isGreaterThan(Fixtures.inventory().size());

            try (TestHub restarted = new TestHub(data)) {
                Hub h = restarted.runtime.hub();
                assertThat(h.head()).isGreaterThanOrEqualTo(acknowledged);
                List<Journal.Row> rows = h.journal().readAfter(acknowledged - 1, 1);
                assertThat(rows.get(0).seq()).isEqualTo(acknowledged);
                JsonNode payload = Json.MAPPER.readTree(rows.get(0).payload());
                assertThat(payload.get("value").asDouble()).isEqualTo(values.get(values.size() - 1));
            }
        } finally {
            hub.destroyForcibly();
        }
    }

    private static String awaitListening(Process p) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        Pattern listening = Pattern.compile("listening on (http://[0-9.:]+)");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String line;
        while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
            Matcher m = listening.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }));
                drain.setDaemon(true);
                drain.start();
                return m.group(1);
            }
        }
        throw new AssertionError("the hub process did not say where it listens");
    }

    private static JsonNode post(String base, String token, List<Event> events) throws Exception {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Event e : events) {
            list.add(Map.of("type", Json.typeOf(e), "payload", e));
        }
        Request request = new Request.Builder().url(base + "/api/v1/ingest")
                .header("Authorization", "Bearer " + token)
                .post(RequestBody.create(Json.write(Map.of("events", list)), TestHub.JSON)).build();
        TestHub.Reply r;
        try {
            r = TestHub.call(request);
        } catch (IllegalStateException e) {
            throw new RuntimeException("connection lost", e);
        }
        if (r.status() != 200) {
            throw new RuntimeException("status " + r.status() + ": " + r.body());
        }
        return r.json();
    }
}
