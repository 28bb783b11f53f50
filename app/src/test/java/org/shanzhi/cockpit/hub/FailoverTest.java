package org.shanzhi.cockpit.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.Fixtures;
import org.shanzhi.cockpit.json.Json;

/**
 * Two hub processes on one PostgreSQL journal: the writer is SIGKILLed while clients write, the follower takes the
 * writer lock and writes on, and every acknowledged event is in the journal exactly once, the seqs unbroken. Runs
 * when SHANZHI_TEST_PG_URL is set (.ci/postgres.sh prints it); CI sets SHANZHI_REQUIRE_POSTGRES=1.
 */
class FailoverTest {

    private static final String URL = TestPostgres.URL;
    private static final String USER = TestPostgres.USER;
    private static final String PASSWORD = TestPostgres.PASSWORD;
    private static final int CLIENTS = 3;
    private static final int BATCHES = 40;
    private static final int EVENTS = 20;

    @TempDir
    Path dir;

    @BeforeEach
    void cleanDatabase() throws Exception {
        TestPostgres.freshDatabase();
    }

    /** What a client was told: the seqs of its batch, and the readings it carried. */
    private record Acknowledged(long firstSeq, long lastSeq, List<Double> values) {
    }

    @Test
    void theFollowerTakesOverFromAKilledWriterWithNoEventLostOrTwice() throws Exception {
        Path tokensFile = dir.resolve("tokens.json");
        String token = Tokens.loadOrCreate(tokensFile).tokenOf(Role.INGEST);
        HubProcess a = HubProcess.start(dir.resolve("a"), tokensFile);
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> role(a.base).equals("writer"));
            HubProcess b = HubProcess.start(dir.resolve("b"), tokensFile);
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> role(b.base).equals("follower"));
                assertThat(ingest(a.base, token, "inventory", Fixtures.inventory()).status()).isEqualTo(200);

                // the follower serves what the writer wrote, and sends writes to it
                await().atMost(Duration.ofSeconds(10)).until(() -> health(b.base).get("seq").asLong()
                        == Fixtures.inventory().size());
                TestHub.Reply refused = ingest(b.base, token, "to-the-follower", List.of(new Event.SensorReported("S-1", 1)));
                assertThat(refused.status()).isEqualTo(503);
                assertThat(refused.json().get("field").asText()).isEqualTo("hub");
                assertThat(refused.json().get("message").asText()).contains(a.base);

                Map<String, Acknowledged> acknowledged = new ConcurrentHashMap<>();
                AtomicInteger answered = new AtomicInteger();
                List<Thread> clients = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    int client = c;
                    Thread t = new Thread(() -> write(client, List.of(a.base, b.base), token, acknowledged, answered));
                    t.start();
                    clients.add(t);
                }
                // SIGKILL the writer once a quarter of the batches are acknowledged, while the others are on their way
                await().atMost(Duration.ofSeconds(60)).until(() -> answered.get() >= CLIENTS * BATCHES / 4);
                a.process.destroyForcibly();
                assertThat(a.process.waitFor(10, TimeUnit.SECONDS)).isTrue();
                await().atMost(Duration.ofSeconds(30)).until(() -> role(b.base).equals("writer"));
                for (Thread t : clients) {
                    t.join(TimeUnit.SECONDS.toMillis(120));
                    assertThat(t.isAlive()).as("a client still waiting for the hubs").isFalse();
                }
                assertThat(acknowledged).hasSize(CLIENTS * BATCHES);

                // the journal: seqs 1..head without a gap, every reading once, every acknowledged one where it was told
                Map<Long, Double> bySeq = new HashMap<>();
                Map<Double, Long> seqOf = new HashMap<>();
                long expected = 1;
                try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT seq, type, payload FROM journal ORDER BY seq")) {
                    while (rs.next()) {
                        assertThat(rs.getLong(1)).as("the seq after " + (expected - 1)).isEqualTo(expected++);
                        if (rs.getString(2).equals("SensorReported")) {
                            double value = Json.MAPPER.readTree(rs.getString(3)).get("value").asDouble();
                            assertThat(seqOf.put(value, rs.getLong(1))).as("reading " + value + " twice").isNull();
                            bySeq.put(rs.getLong(1), value);
                        }
                    }
                }
                for (Acknowledged ack : acknowledged.values()) {
                    for (int i = 0; i < ack.values().size(); i++) {
                        assertThat(bySeq.get(ack.firstSeq() + i)).isEqualTo(ack.values().get(i));
                    }
                    assertThat(ack.lastSeq() - ack.firstSeq() + 1).isEqualTo(ack.values().size());
                }
                assertThat(seqOf).hasSize(CLIENTS * BATCHES * EVENTS); // nothing written that nobody acknowledged
                long head = expected - 1;
                assertThat(health(b.base).get("seq").asLong()).isEqualTo(head);
            } finally {
                b.process.destroyForcibly();
            }
        } finally {
            a.process.destroyForcibly();
        }
    }

    /**
     * One client: its batches in order, each with its own Idempotency-Key, sent to the hub it last reached until
     * one of the hubs acknowledges it (200, or 409 duplicate when an earlier try was written but its answer lost).
     */
    private static void write(int client, List<String> hubs, String token, Map<String, Acknowledged> acknowledged,
                              AtomicInteger answered) {
        int hub = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        for (int batch = 0; batch < BATCHES && System.nanoTime() < deadline; batch++) {
            List<Event> events = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            for (int j = 0; j < EVENTS; j++) {
                double value = client * 1_000_000 + batch * 1_000 + j;
                events.add(new Event.SensorReported("S-1", value));
                values.add(value);
            }
            String key = "client-" + client + "-batch-" + batch;
            while (System.nanoTime() < deadline) {
                TestHub.Reply r;
                try {
                    r = ingest(hubs.get(hub), token, key, events);
                } catch (IllegalStateException lost) {
                    r = null;
                }
                if (r != null && (r.status() == 200 || r.status() == 409 && r.json().get("error").asText().equals("duplicate"))) {
                    acknowledged.put(key, new Acknowledged(r.json().get("firstSeq").asLong(),
                            r.json().get("lastSeq").asLong(), values));
                    answered.incrementAndGet();
                    break;
                }
                if (r != null && r.status() != 503) {
                    throw new AssertionError(key + ": HTTP " + r.status() + " " + r.body());
                }
                hub = (hub + 1) % hubs.size(); // no answer, or a follower: the other hub
                sleep(50);
            }
        }
    }

    private static TestHub.Reply ingest(String base, String token, String key, List<Event> events) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Event e : events) {
            list.add(Map.of("type", Json.typeOf(e), "payload", e));
        }
        Request request = new Request.Builder().url(base + "/api/v1/ingest")
                .header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", key)
                .post(RequestBody.create(Json.write(Map.of("events", list)), TestHub.JSON)).build();
        return TestHub.call(request);
    }

    private static JsonNode health(String base) {
        return TestHub.call(new Request.Builder().url(base + "/api/v1/health").build()).json();
    }

    private static String role(String base) {
        try {
            JsonNode h = health(base);
            return h.get("status").asText().equals("ok") ? h.get("role").asText() : "starting";
        } catch (IllegalStateException unreachable) {
            return "unreachable";
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A hub in a JVM of its own, as the {@code hub} command runs it, on the test's PostgreSQL journal. */
    private record HubProcess(Process process, String base) {

        static HubProcess start(Path data, Path tokens) throws Exception {
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "org.shanzhi.cockpit.app.Main",
                    "hub", "--scenario", "none", "--port", "0", "--data", data.toString(), "--tokens", tokens.toString(),
                    "--jdbc", URL, "--db-user", USER).redirectErrorStream(true);
            pb.environment().put("SHANZHI_DB_PASSWORD", PASSWORD);
            Process p = pb.start();
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
                    return new HubProcess(p, m.group(1));
                }
            }
            p.destroyForcibly();
            throw new AssertionError("the hub process did not say where it listens");
        }
    }
}
