package org.shanzhi.cockpit.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.shanzhi.cockpit.domain.Fixtures;

/** The hub's simulated cameras over real HTTP: MJPEG parts that decode, and the errors. */
class VirtualCamerasTest {

    @TempDir
    static Path data;
    static TestHub hub;

    @BeforeAll
    static void start() {
        hub = new TestHub(data);
        assertThat(hub.ingest(Fixtures.inventory()).status()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void anOnlineCameraStreamsJpegFramesOf640x360() throws IOException {
        Request request = new Request.Builder().url(hub.runtime.baseUrl() + "/video/CAM-1.mjpg")
                .header("Authorization", "Bearer " + hub.token(Role.VIEWER)).build();
        try (Response r = TestHub.HTTP.newCall(request).execute()) {
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.header("Content-Type")).startsWith("multipart/x-mixed-replace").contains("boundary=frame");
            InputStream in = r.body().byteStream();
            for (int i = 0; i < 3; i++) {
                BufferedImage img = ImageIO.read(new ByteArrayInputStream(part(in)));
                assertThat(img).as("part " + i + " decodes").isNotNull();
                assertThat(img.getWidth()).isEqualTo(640);
                assertThat(img.getHeight()).isEqualTo(360);
            }
        }
    }

    @Test
    void theTokenMayComeInTheQueryAndTheLastViewerStopsTheRendering() throws IOException {
        Request request = new Request.Builder().url(hub.runtime.baseUrl() + "/video/CAM-2.mjpg?token="
                + hub.token(Role.OPERATOR)).build();
        try (Response r = TestHub.HTTP.newCall(request).execute()) {
            assertThat(r.code()).isEqualTo(200);
            assertThat(part(r.body().byteStream()).length).isPositive();
        }
        // the hub notices at its next write that nobody watches
        await().atMost(Duration.ofSeconds(5)).until(() -> hub.runtime.server().cameras().rendering() == 0);
    }

    @Test
    void offlineUnknownAndAnonymousAreRefused() {
        TestHub.Reply offline = hub.get("/video/CAM-3.mjpg", Role.VIEWER);
        assertThat(offline.status()).isEqualTo(503);
        assertThat(offline.json().get("cameraId").asText()).isEqualTo("CAM-3");
        assertThat(hub.get("/video/NOPE.mjpg", Role.VIEWER).status()).isEqualTo(404);
        assertThat(hub.get("/video/CAM-1.mjpg", null).status()).isEqualTo(401);
        assertThat(hub.get("/video/CAM-1.mjpg", Role.INGEST).status()).isEqualTo(403);
    }

    @Test
    void aFieldUnitsBodyCamStreamsLikeACameraWhileTheUnitIsOnDuty() throws IOException {
        Request request = new Request.Builder().url(hub.runtime.baseUrl() + "/video/unit/U-1.mjpg?token="
                + hub.token(Role.VIEWER)).build();
        try (Response r = TestHub.HTTP.newCall(request).execute()) {
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.header("Content-Type")).startsWith("multipart/x-mixed-replace");
            InputStream in = r.body().byteStream();
            for (int i = 0; i < 2; i++) {
                BufferedImage img = ImageIO.read(new ByteArrayInputStream(part(in)));
                assertThat(img).as("part " + i + " decodes").isNotNull();
                assertThat(img.getWidth()).isEqualTo(640);
            }
        }
        assertThat(hub.get("/video/unit/U-404.mjpg", Role.VIEWER).status()).isEqualTo(404);
        TestHub.Reply offDuty = hub.get("/video/unit/U-2.mjpg", Role.VIEWER);
        assertThat(offDuty.status()).isEqualTo(503);
        assertThat(offDuty.json().get("cameraId").asText()).isEqualTo("unit/U-2");
        assertThat(hub.get("/video/unit/U-1.mjpg", Role.INGEST).status()).isEqualTo(403);
    }

    /** Reads one part: headers up to a blank line, then Content-Length bytes. */
    static byte[] part(InputStream in) throws IOException {
        int length = -1;
        String line;
        boolean started = false;
        while ((line = line(in)) != null) {
            if (line.isEmpty()) {
                if (started) {
                    break;
                }
                continue;
            }
            started = true;
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        assertThat(length).as("Content-Length of the part").isPositive();
        return in.readNBytes(length);
    }

    static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (c != '\r') {
                b.write(c);
            }
        }
        return c == -1 && b.size() == 0 ? null : b.toString(StandardCharsets.US_ASCII);
    }
}
