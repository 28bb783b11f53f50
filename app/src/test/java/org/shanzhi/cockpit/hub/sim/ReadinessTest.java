package org.shanzhi.cockpit.hub.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.shanzhi.cockpit.hub.HubClock;
import org.shanzhi.cockpit.hub.HubRuntime;

/**
 * Health says 200 only when a client can trust what it reads: the hub listens first and answers
 * 503 {@code starting} while the scenario's inventory goes in, on a new journal and on a replayed one.
 */
class ReadinessTest {

    private static final OkHttpClient HTTP = new OkHttpClient();

    @TempDir
    Path data;

    /** What health answered, and how many communities the situation held, when the feeder began and ended. */
    private final List<String> seen = new ArrayList<>();

    private HubRuntime start(HeyiScenario heyi) {
        return HubRuntime.start(HubRuntime.Config.local(data).withClock(s ->
                HubClock.simulated(s.seq() == 0 ? Simulator.DEFAULT_START : s.time(), 1)), runtime -> {
                    seen.add(health(runtime) + " with " + runtime.hub().situation().communities().size());
                    ScenarioRunner runner = ScenarioRunner.start(runtime.hub(), heyi, 7);
                    seen.add(health(runtime) + " with " + runtime.hub().situation().communities().size());
                    return runner;
                });
    }

    @Test
    void healthSaysStartingUntilTheInventoryIsInTheSituation() {
        HeyiScenario heyi = HeyiScenario.loadDefault();
        int communities;
        try (HubRuntime runtime = start(heyi)) {
            communities = runtime.hub().situation().communities().size();
            assertThat(communities).isPositive();
            assertThat(seen).containsExactly("503 {\"status\":\"starting\"} with 0",
                    "503 {\"status\":\"starting\"} with " + communities);
            assertThat(health(runtime)).isEqualTo("200 {\"status\":\"ok\"}");
        }
        seen.clear();
        try (HubRuntime runtime = start(heyi)) {
            // the replayed journal holds the inventory already; the feeder still runs before ready
            assertThat(seen).containsExactly("503 {\"status\":\"starting\"} with " + communities,
                    "503 {\"status\":\"starting\"} with " + communities);
            assertThat(health(runtime)).isEqualTo("200 {\"status\":\"ok\"}");
        }
    }

    @Test
    void aHubWithNothingToLoadIsReadyWhenItListens() {
        try (HubRuntime runtime = HubRuntime.start(HubRuntime.Config.local(data))) {
            assertThat(health(runtime)).isEqualTo("200 {\"status\":\"ok\"}");
        }
    }

    /** The status and the body's status field, e.g. {@code 503 {"status":"starting"}}. */
    private static String health(HubRuntime runtime) {
        Request r = new Request.Builder().url(runtime.baseUrl() + "/api/v1/health").build();
        try (Response response = HTTP.newCall(r).execute()) {
            String body = response.body().string();
            String status = body.replaceAll(".*(\"status\":\"[a-z]+\").*", "$1");
            return response.code() + " {" + status + "}";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
