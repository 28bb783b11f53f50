package org.shanzhi.cockpit.wall.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import javafx.scene.image.Image;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.shanzhi.cockpit.domain.Fixtures;
import org.shanzhi.cockpit.hub.Role;
import org.shanzhi.cockpit.hub.TestHub;
import org.shanzhi.cockpit.wall.WidgetHarness;

/** The wall's pure-Java MJPEG reader against a real hub's simulated camera. */
class MjpegStreamTest {

    @TempDir
    static Path data;
    static TestHub hub;

    @BeforeAll
    static void start() throws Exception {
        WidgetHarness.start(); // the toolkit, started the way every FX test here starts it
        hub = new TestHub(data);
        assertThat(hub.ingest(Fixtures.inventory()).status()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void readsFramesFromTheHub() {
        try (MjpegStream s = new MjpegStream(hub.runtime.baseUrl() + "/video/CAM-1.mjpg", hub.token(Role.VIEWER))) {
            await().atMost(TestMedia.PATIENCE).until(() -> s.decoded() >= 2);
            assertThat(s.status().state()).isEqualTo(Playback.State.PLAYING);
            assertThat(s.pump()).isTrue();
            Image img = s.image();
            assertThat(img).isNotNull();
            assertThat(img.getWidth()).isEqualTo(640);
            assertThat(img.getHeight()).isEqualTo(360);
        }
        await().atMost(TestMedia.PATIENCE).until(() -> hub.runtime.server().cameras().rendering() == 0);
    }

    @Test
    void anOfflineCameraFailsAndKeepsRetrying() {
        try (MjpegStream s = new MjpegStream(hub.runtime.baseUrl() + "/video/CAM-3.mjpg", hub.token(Role.VIEWER))) {
            await().atMost(TestMedia.PATIENCE).until(() -> s.status().state() == Playback.State.NO_SIGNAL);
            assertThat(s.status().retryAt()).isAfter(s.status().since());
            assertThat(s.decoded()).isZero();
        }
    }

    @Test
    void partsWithoutContentLengthAreCutByJpegMarkers() throws Exception {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, 1, 2, (byte) 0xFF, 3, (byte) 0xFF, (byte) 0xD9};
        byte[] head = "--frame\r\nContent-Type: image/jpeg\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[head.length + jpeg.length + 2];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(jpeg, 0, all, head.length, jpeg.length);
        all[all.length - 2] = '\r';
        all[all.length - 1] = '\n';
        var m = MjpegStream.class.getDeclaredMethod("part", java.io.InputStream.class);
        m.setAccessible(true);
        byte[] part = (byte[]) m.invoke(null, new ByteArrayInputStream(all));
        assertThat(part).isEqualTo(jpeg);
    }
}
