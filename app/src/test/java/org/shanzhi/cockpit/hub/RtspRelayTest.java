package org.shanzhi.cockpit.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.shanzhi.cockpit.domain.Camera;
import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.Fixtures;
import org.shanzhi.cockpit.wall.WallContext;
import org.shanzhi.cockpit.wall.WidgetHarness;
import org.shanzhi.cockpit.wall.layout.WidgetType;
import org.shanzhi.cockpit.wall.video.TestMedia;
import org.shanzhi.cockpit.wall.video.VideoWidget;

/** An RTSP camera (cvlc) reaches the wall through the hub's ffmpeg relay, with Debian's RTSP-less libvlc. */
class RtspRelayTest {

    @TempDir
    static Path data;
    static TestHub hub;
    static int port;

    @BeforeAll
    static void start() throws Exception {
        WidgetHarness.start();
        TestMedia.requireVlc();
        port = TestMedia.freePort();
        hub = new TestHub(data);
        assertThat(hub.ingest(Fixtures.inventory()).status()).isEqualTo(200);
        assertThat(hub.ingest(List.of(new Event.CameraRegistered(new Camera("CAM-R", "路口球机", Fixtures.EAST, null,
                false, true, "rtsp://127.0.0.1:" + port + "/c")))).status()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        if (hub != null) {
            hub.close();
        }
    }

    /** The first bytes the relay sends, or none when the camera is not up yet. */
    static byte[] relayed(int bytes) throws Exception {
        Request r = new Request.Builder().url(hub.runtime.baseUrl() + "/video/relay/CAM-R?token="
                + hub.token(Role.VIEWER)).build();
        try (Response res = TestHub.HTTP.newCall(r).execute(); InputStream in = res.body().byteStream()) {
            assertThat(res.code()).isEqualTo(200);
            assertThat(res.header("Content-Type")).startsWith("video/mp2t");
            return in.readNBytes(bytes);
        }
    }

    @Test
    void relaysRtspAsMpegTsAndATilePlaysIt() throws Exception {
        try (TestMedia.Streamer camera = TestMedia.rtsp(port)) {
            byte[][] got = new byte[1][];
            await().atMost(Duration.ofSeconds(30)).until(() -> (got[0] = relayed(188 * 50)).length == 188 * 50);
            for (int packet = 0; packet < 50; packet++) {
                assertThat(got[0][packet * 188]).as("TS sync byte of packet " + packet).isEqualTo((byte) 0x47);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> hub.runtime.server().relay().relaying() == 0);

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
