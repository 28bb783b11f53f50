package org.shanzhi.cockpit.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.shanzhi.cockpit.domain.Camera;
import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.Fixtures;
import org.shanzhi.cockpit.hub.video.CameraNetworks;
import org.shanzhi.cockpit.hub.video.VideoLimits;
import org.shanzhi.cockpit.json.Json;

/** Video streams hold request threads: past the caps the hub answers 503, and the API keeps answering. */
class VideoCapsTest {

    /** A client that gives up quickly: the API must answer at once, not after a stream ends. */
    static final OkHttpClient PROMPT = TestHub.HTTP.newBuilder().readTimeout(Duration.ofSeconds(3)).build();

    @TempDir
    Path data;
    TestHub hub;
    final List<Response> open = new ArrayList<>();

    @AfterEach
    void stop() {
        open.forEach(Response::close);
        hub.close();
    }

    void start(int maxViewers, int maxVirtualCameras) {
        hub = new TestHub(HubRuntime.Config.local(data).withLimits(HubLimits.DEFAULT.withVideo(
                new VideoLimits(maxViewers, maxVirtualCameras, 1, CameraNetworks.PRIVATE))));
        assertThat(hub.ingest(Fixtures.inventory()).status()).isEqualTo(200);
        assertThat(hub.ingest(List.of(new Event.CameraRegistered(new Camera("CAM-4", "南门", Fixtures.EAST, null,
                false, true, "/video/CAM-4.mjpg")))).status()).isEqualTo(200);
    }

    /** Opens the MJPEG stream of {@code cameraId} and keeps it open; its status, and its first part when 200. */
    int watch(String cameraId) throws IOException {
        Response r = TestHub.HTTP.newCall(new Request.Builder().url(hub.runtime.baseUrl() + "/video/" + cameraId
                + ".mjpg?token=" + hub.token(Role.VIEWER)).build()).execute();
        open.add(r);
        if (r.code() == 200) {
            assertThat(VirtualCamerasTest.part(r.body().byteStream())).isNotEmpty();
        }
        return r.code();
    }

    void closeStreamOf(String cameraId) {
        Response r = open.stream().filter(s -> s.request().url().encodedPath().contains(cameraId) && s.code() == 200)
                .findFirst().orElseThrow();
        r.close();
        open.remove(r);
    }

    /** The JSON body of a video request that must not stream (a stream never ends: it fails at once instead). */
    static JsonNode refusal(TestHub hub, String path, int status) throws IOException {
        try (Response r = TestHub.HTTP.newCall(new Request.Builder().url(hub.runtime.baseUrl() + path)
                .header("Authorization", "Bearer " + hub.token(Role.VIEWER)).build()).execute()) {
            assertThat(r.code()).as("GET " + path).isEqualTo(status);
            JsonNode body = Json.MAPPER.readTree(r.body().string());
            assertThat(body.get("field").asText()).isEqualTo("cameraId");
            return body;
        }
    }

    int promptly(String path) throws IOException {
        try (Response r = PROMPT.newCall(new Request.Builder().url(hub.runtime.baseUrl() + path)
                .header("Authorization", "Bearer " + hub.token(Role.VIEWER)).build()).execute()) {
            return r.code();
        }
    }

    @Test
    void pastTheViewerCapAStreamIsRefusedAndTheApiStillAnswers() throws IOException {
        start(5, 2);
        for (String id : List.of("CAM-1", "CAM-1", "CAM-1", "CAM-2", "CAM-2")) {
            assertThat(watch(id)).as("stream " + open.size() + " of the cap").isEqualTo(200);
        }

        JsonNode refused = refusal(hub, "/video/CAM-1.mjpg", 503);
        assertThat(refused.get("error").asText()).isEqualTo("unavailable");
        assertThat(refused.get("message").asText()).contains("at most 5 video streams", "--max-video-viewers");
        assertThat(promptly("/api/v1/health")).isEqualTo(200);
        assertThat(promptly("/api/v1/kpis")).isEqualTo(200);

        closeStreamOf("CAM-2");
        // the hub notices at its next frame that the viewer left, and frees its place
        await().atMost(Duration.ofSeconds(10)).until(() -> watch("CAM-2") == 200);
    }

    @Test
    void pastTheCameraCapAFurtherCameraIsRefusedButItsViewersAreNot() throws IOException {
        start(100, 2);
        assertThat(watch("CAM-1")).isEqualTo(200);
        assertThat(watch("CAM-2")).isEqualTo(200);

        JsonNode refused = refusal(hub, "/video/CAM-4.mjpg", 503);
        assertThat(refused.get("cameraId").asText()).isEqualTo("CAM-4");
        assertThat(refused.get("message").asText()).contains("at most 2 simulated cameras", "--max-virtual-cameras");
        assertThat(hub.runtime.server().cameras().rendering()).isEqualTo(2);
        assertThat(watch("CAM-1")).as("a drawn camera takes more viewers").isEqualTo(200);

        closeStreamOf("CAM-2");
        await().atMost(Duration.ofSeconds(10)).until(() -> watch("CAM-4") == 200);
    }

    @Test
    void aBodyCamCountsAgainstTheSameCaps() throws IOException {
        start(100, 2);
        assertThat(watch("CAM-1")).isEqualTo(200);
        assertThat(watch("unit/U-1")).as("a body-cam takes a drawing place").isEqualTo(200);
        JsonNode refused = refusal(hub, "/video/CAM-2.mjpg", 503);
        assertThat(refused.get("message").asText()).contains("at most 2 simulated cameras");
        closeStreamOf("CAM-1");
        await().atMost(Duration.ofSeconds(10)).until(() -> watch("CAM-2") == 200);
    }
}
