package org.shanzhi.cockpit.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import ch.qos.logback.core.util.FileSize;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

import org.shanzhi.cockpit.domain.Complaint;
import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.GeoPoint;
import org.shanzhi.cockpit.hub.HubRuntime;
import org.shanzhi.cockpit.hub.Journal;
import org.shanzhi.cockpit.hub.Role;
import org.shanzhi.cockpit.hub.sim.Simulator;
import org.shanzhi.cockpit.json.Json;

/** The log file rolls and keeps its count, and a whole scenario day leaves no secret and no phone number in it. */
class LogsTest {

    /** A mainland mobile number, as a 12345 caller's would be written. */
    private static final Pattern PHONE = Pattern.compile("(?<![0-9])1[3-9][0-9]{9}(?![0-9])");
    private static final String CALLER = "13912345678";
    private static final String DB_PASSWORD = "journal-pw-4711";
    private static final OkHttpClient HTTP = new OkHttpClient();

    @TempDir
    Path data;

    @Test
    void theFileRollsAtItsSizeAndKeepsItsCount() throws Exception {
        Path dir = data.resolve("logs");
        Logger log = LoggerFactory.getLogger("roll-check");
        int[] batch = {0};
        try (AutoCloseable file = Logs.toFile(dir, "check", FileSize.valueOf("2KB"), 2)) {
            // logback looks at the size now and then, not at every line: write until the first batch is gone
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (int i = 0; i < 20; i++) {
                    log.info("batch {} line {} {}", batch[0], i, "x".repeat(60));
                }
                batch[0]++;
                return Files.exists(dir.resolve("check.2.log")) && !text(dir).contains("batch 0 line");
            });
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrder("check.log", "check.1.log", "check.2.log");
        }
        assertThat(text(dir)).contains("batch " + (batch[0] - 1) + " line 19");
    }

    @Test
    void aScenarioDayLogsNoTokenNoPasswordAndNoPhoneNumber() throws Exception {
        HubCommand command = new HubCommand();
        new CommandLine(command).parseArgs("--data", data.toString(), "--port", "0", "--hours-lived", "24", "--speed", "60",
                "--jdbc", Journal.h2Url(data), "--db-user", "cockpit", "--db-password", DB_PASSWORD,
                "--log-size", "1MB", "--log-files", "3");
        HubOptions options = command.options;
        List<String> secrets = new ArrayList<>(List.of(DB_PASSWORD));
        try (AutoCloseable log = command.log.toFile(options.journal.data, "hub"); HubRuntime runtime = Scenario.start(options)) {
            for (Role r : Role.values()) {
                secrets.add(runtime.tokens().tokenOf(r));
            }
            // the day is lived as the hub opens at 06:00 the next morning
            await().atMost(Duration.ofSeconds(120)).until(() -> !runtime.hub().situation().time()
                    .isBefore(Simulator.DEFAULT_START.plus(Duration.ofHours(24))));
            misbehave(runtime);
        }
        String logged = text(data.resolve("logs"));
        assertThat(logged).contains("hub listening on", "hub ready", "scenario: inventory (");
        for (String secret : secrets) {
            assertThat(logged).as("a secret in the log").doesNotContain(secret);
        }
        assertThat(PHONE.matcher(logged).results().map(m -> m.group()).toList()).as("phone numbers in the log")
                .isEmpty();
    }

    /** What clients do that could end up in a log: a caller's number in an order, tokens where they do not belong. */
    private static void misbehave(HubRuntime runtime) throws Exception {
        String ingest = runtime.tokens().tokenOf(Role.INGEST);
        String viewer = runtime.tokens().tokenOf(Role.VIEWER);
        GeoPoint at = runtime.hub().situation().cameras().values().iterator().next().at();
        Event order = new Event.ComplaintReceived("2605300099", Complaint.Channel.PHONE, Complaint.Type.COMPLAINT,
                "噪音扰民", Complaint.Priority.TIMELY, at, "来电人" + CALLER + "反映夜间施工噪音", false);
        String events = Json.write(Map.of("events", List.of(Map.of("type", Json.typeOf(order), "payload", order))));
        assertThat(post("/api/v1/ingest", ingest, events, runtime)).isEqualTo(200);
        assertThat(post("/api/v1/ingest", ingest, events.replace("\"repeat\"", "\"caller" + CALLER + "\""), runtime))
                .isEqualTo(400);
        assertThat(post("/api/v1/incidents", CALLER, "{\"phone\":\"" + CALLER + "\"}", runtime)).isEqualTo(401);
        assertThat(get("/api/v1/snapshot?token=" + viewer, null, runtime)).isEqualTo(401);
        assertThat(get("/api/v1/complaints/" + CALLER, viewer, runtime)).isEqualTo(404);
        assertThat(get("/video/" + CALLER + ".mjpg?token=" + viewer, null, runtime)).isEqualTo(404);
        CountDownLatch frame = new CountDownLatch(1);
        WebSocket ws = HTTP.newWebSocket(new Request.Builder().url(runtime.baseUrl().replace("http", "ws")
                + "/api/v1/stream?since=0&token=" + viewer).build(), new WebSocketListener() {
                    @Override
                    public void onMessage(WebSocket socket, String text) {
                        frame.countDown();
                    }
                });
        assertThat(frame.await(30, TimeUnit.SECONDS)).isTrue();
        ws.cancel();
    }

    private static int get(String path, String token, HubRuntime runtime) throws IOException {
        Request.Builder b = new Request.Builder().url(runtime.baseUrl() + path);
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        try (Response r = HTTP.newCall(b.build()).execute()) {
            return r.code();
        }
    }

    private static int post(String path, String token, String body, HubRuntime runtime) throws IOException {
        Request r = new Request.Builder().url(runtime.baseUrl() + path).header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", "logs-" + body.hashCode())
                .post(RequestBody.create(body, MediaType.get("application/json"))).build();
        try (Response response = HTTP.newCall(r).execute()) {
            return response.code();
        }
    }

    /** Every log file in the directory, one after the other. */
    private static String text(Path dir) throws IOException {
        StringBuilder b = new StringBuilder();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                b.append(Files.readString(f));
            }
        }
        return b.toString();
    }
}
