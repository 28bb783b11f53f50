package org.shanzhi.cockpit.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.shanzhi.cockpit.domain.Camera;
import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.Fixtures;

/**
 * With the default camera networks (the private ones) the relay refuses, before any ffmpeg starts, a camera
 * whose address is elsewhere or cannot be checked: the hub itself, the internet, a name that resolves outside.
 */
class RelayNetworksTest {

    @TempDir
    static Path data;
    static TestHub hub;

    @BeforeAll
    static void start() {
        hub = new TestHub(data);
        assertThat(hub.ingest(Fixtures.inventory()).status()).isEqualTo(200);
        assertThat(hub.ingest(List.of(
                rtsp("LOOPBACK", "rtsp://127.0.0.1:8554/c"),
                rtsp("INTERNET", "rtsp://8.8.8.8:554/live"),
                rtsp("BY-NAME", "rtsp://localhost/c"),
                rtsp("USERINFO", "rtsp://admin:secret@10.0.0.5/c"),
                rtsp("TRICK", "rtsp://10.0.0.5:554@127.0.0.1/c"))).status()).isEqualTo(200);
    }

    static Event rtsp(String id, String url) {
        return new Event.CameraRegistered(new Camera(id, "路口球机", Fixtures.EAST, null, false, true, url));
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    static String refused(String cameraId) throws IOException {
        JsonNode r = VideoCapsTest.refusal(hub, "/video/relay/" + cameraId, 403);
        assertThat(r.get("error").asText()).isEqualTo("forbidden");
        assertThat(hub.runtime.server().relay().relaying()).as("ffmpegs started").isZero();
        return r.get("message").asText();
    }

    @Test
    void anAddressOutsideTheCameraNetworksIsRefused() throws IOException {
        assertThat(refused("LOOPBACK")).contains("127.0.0.1", "not in the allowed camera networks",
                "10.0.0.0/8,172.16.0.0/12,192.168.0.0/16", "--camera-networks");
        assertThat(refused("INTERNET")).contains("8.8.8.8", "not in the allowed camera networks");
    }

    @Test
    void aNameIsCheckedByTheAddressItResolvesTo() throws IOException {
        assertThat(refused("BY-NAME")).contains("localhost", "127.0.0.1", "not in the allowed camera networks");
    }

    @Test
    void aUrlWithUserInfoIsRefusedEvenInsideTheNetworks() throws IOException {
        assertThat(refused("USERINFO")).contains("user name or password");
        assertThat(refused("TRICK")).contains("user name or password");
    }
}
