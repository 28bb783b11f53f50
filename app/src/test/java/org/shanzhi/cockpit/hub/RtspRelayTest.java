package org.shanzhi.cockpit.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.shanzhi.cockpit.domain.Camera;
import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.Fixtures;
import org.shanzhi.cockpit.hub.video.CameraNetworks;
import org.shanzhi.cockpit.hub.video.VideoLimits;
import org.shanzhi.cockpit.wall.WallContext;
import org.shanzhi.cockpit.wall.WidgetHarness;
import org.shanzhi.cockpit.wall.layout.WidgetType;
import org.shanzhi.cockpit.wall.video.TestMedia;
import org.shanzhi.cockpit.wall.video.VideoWidget;

/**
 * An RTSP camera (cvlc) reaches the wall through the hub's ffmpeg relay, with Debian's RTSP-less libvlc: one ffmpeg
 * per camera whatever the number of its viewers, and no more ffmpegs than the hub allows.
 */
class RtspRelayTest {

    static final int MAX_RELAYS = 2;

    @TempDir
    static Path data;
    static TestHub hub;
    static TestMedia.Streamer camera;

    @BeforeAll
    static void start() throws Exception {
        WidgetHarness.start();
        TestMedia.requireVlc();
        int port = TestMedia.freePort();
        hub = new TestHub(HubRuntime.Config.local(data).withLimits(HubLimits.DEFAULT.withVideo(
                new VideoLimits(100, 16, MAX_RELAYS, CameraNetworks.parse("127.0.0.1/32")))));
        assertThat(hub.ingest(Fixtures.inventory()).status()).isEqualTo(200);
        // CAM-L and CAM-X are the same camera under other names: the relay counts cameras, not streams
        assertThat(hub.ingest(List.of(
                rtsp("CAM-R", "rtsp://127.0.0.1:" + port + "/c"),
                rtsp("CAM-L", "rtsp://localhost:" + port + "/c"),
                rtsp("CAM-X", "rtsp://127.0.0.1:" + port + "/c?x"))).status()).isEqualTo(200);
        camera = TestMedia.rtsp(port);
        await().atMost(Duration.ofSeconds(30)).until(() -> relayed("CAM-R", 188).length == 188);
    }

    static Event rtsp(String id, String url) {
        return new Event.CameraRegistered(new Camera(id, "路口球机", Fixtures.EAST, null, false, true, url));
    }

    @AfterAll
    static void stop() throws Exception {
        if (hub != null) {
            hub.close();
        }
        if (camera != null) {
            camera.close();
        }
    }

    /** Each test starts with no relay left by the one before. */
    @BeforeEach
    void noRelay() {
        await().atMost(Duration.ofSeconds(15)).until(() -> hub.runtime.server().relay().relaying() == 0);
    }

    static Response open(String cameraId) throws Exception {
        Request r = new Request.Builder().url(hub.runtime.baseUrl() + "/video/relay/" + cameraId + "?token="
                + hub.token(Role.VIEWER)).build();
        return TestHub.HTTP.newCall(r).execute();
    }

    /**
     * A viewer whose stream is flowing: a relay whose ffmpeg ends at once (the camera still tearing down the last
     * test's session) answers an empty stream, which a player opens again, and so does this.
     */
    static Response openPlaying(String cameraId) {
        AtomicReference<Response> playing = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Response r = open(cameraId);
            if (r.code() == 200 && r.body().byteStream().readNBytes(188).length == 188) {
                playing.set(r);
                return true;
            }
            r.close();
            return false;
        });
        return playing.get();
    }

    /** The first bytes the relay sends, or fewer when the camera is not up yet. */
    static byte[] relayed(String cameraId, int bytes) throws Exception {
        try (Response res = open(cameraId); InputStream in = res.body().byteStream()) {
            assertThat(res.code()).isEqualTo(200);
            assertThat(res.header("Content-Type")).startsWith("video/mp2t");
            return in.readNBytes(bytes);
        }
    }

    /** {@code packets} MPEG-TS packets from a viewer's stream, each starting with the sync byte. */
    static void readPackets(Response viewer, int packets) throws Exception {
        assertThat(viewer.code()).isEqualTo(200);
        byte[] got = viewer.body().byteStream().readNBytes(188 * packets);
        assertThat(got).hasSize(188 * packets);
        for (int packet = 0; packet < packets; packet++) {
            assertThat(got[packet * 188]).as("TS sync byte of packet " + packet).isEqualTo((byte) 0x47);
        }
    }

    @Test
    void viewersOfACameraShareOneFfmpegThatEndsWithTheLast() throws Exception {
        try (Response first = openPlaying("CAM-R")) {
            readPackets(first, 50);
            try (Response second = open("CAM-R")) {
                readPackets(second, 50); // joined mid-stream, at a packet boundary
                assertThat(hub.runtime.server().relay().relaying()).isEqualTo(1);
                readPackets(first, 50);
                first.close();
                readPackets(second, 50);
                assertThat(hub.runtime.server().relay().relaying()).isEqualTo(1);
            }
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> hub.runtime.server().relay().relaying() == 0);
    }

    @Test
    void pastTheRelayCapAFurtherCameraIsRefused() throws Exception {
        try (Response r = openPlaying("CAM-R"); Response l = openPlaying("CAM-L")) {
            readPackets(r, 10);
            readPackets(l, 10);
            assertThat(hub.runtime.server().relay().relaying()).isEqualTo(MAX_RELAYS);

            JsonNode refused = VideoCapsTest.refusal(hub, "/video/relay/CAM-X", 503);
            assertThat(refused.get("error").asText()).isEqualTo("unavailable");
            assertThat(refused.get("cameraId").asText()).isEqualTo("CAM-X");
            assertThat(refused.get("message").asText()).contains("at most " + MAX_RELAYS + " RTSP cameras",
                    "--max-relays");
            assertThat(hub.runtime.server().relay().relaying()).isEqualTo(MAX_RELAYS);
        }
    }

    @Test
    void aHostNameIsResolvedOnceAndFfmpegIsGivenTheCheckedAddress() throws Exception {
        try (Response l = open("CAM-L")) {
            readPackets(l, 10);
            List<String> ffmpegs = ProcessHandle.current().descendants()
                    .filter(p -> p.info().command().orElse("").endsWith("/ffmpeg"))
                    .map(p -> String.join(" ", p.info().arguments().orElseThrow())).toList();
            assertThat(ffmpegs).singleElement().asString().contains("-i rtsp://127.0.0.1:").doesNotContain("localhost");
        }
    }

    @Test
    void aTilePlaysTheRelayedCamera() throws Exception {
        WallContext context = new WallContext(() -> null, hub.runtime.baseUrl(), hub.token(Role.VIEWER));
        VideoWidget w = WidgetHarness.mount(() -> new VideoWidget(
                WidgetHarness.placement(WidgetType.VIDEO, "{\"split\":1,\"group\":\"all\"}"), context), 960, 540);
        WidgetHarness.show(w, hub.runtime.hub().situation());
        WidgetHarness.fx(() -> context.links().openCamera("CAM-R"));
        assertThat(w.cameraIds()).containsExactly("CAM-R");
        await().atMost(Duration.ofSeconds(20)).until(() -> hub.runtime.server().relay().relaying() >= 1);
        await().atMost(Duration.ofSeconds(40)).until(() -> WidgetHarness.fx(() -> w.frames()[1]) >= 25);
        WidgetHarness.fx(() -> {
            w.closeStreams();
            return null;
        });
        await().atMost(Duration.ofSeconds(15)).until(() -> hub.runtime.server().relay().relaying() == 0);
    }

    @Test
    void refusesWhatItCannotRelay() {
        TestHub.Reply unknown = hub.get("/video/relay/NO-SUCH", Role.VIEWER);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("field").asText()).isEqualTo("cameraId");
        TestHub.Reply notRtsp = hub.get("/video/relay/CAM-1", Role.VIEWER);
        assertThat(notRtsp.status()).isEqualTo(400);
        assertThat(notRtsp.json().get("message").asText()).contains("does not stream RTSP");
        assertThat(hub.get("/video/relay/CAM-R", null).status()).isEqualTo(401);
    }
}
