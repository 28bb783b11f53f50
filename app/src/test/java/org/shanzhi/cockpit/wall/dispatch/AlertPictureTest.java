package org.shanzhi.cockpit.wall.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.shanzhi.cockpit.domain.AiAlert;
import org.shanzhi.cockpit.domain.Camera;
import org.shanzhi.cockpit.domain.Fixtures;
import org.shanzhi.cockpit.hub.Role;
import org.shanzhi.cockpit.hub.TestHub;
import org.shanzhi.cockpit.wall.WidgetHarness;
import org.shanzhi.cockpit.wall.video.CameraStill;

/** The AI alert's boxes are drawn over its camera's picture as the hub serves it, or over an empty frame without one. */
class AlertPictureTest {

    @TempDir
    Path data;
    TestHub hub;

    @BeforeAll
    static void fx() throws Exception {
        WidgetHarness.start();
    }

    @AfterEach
    void stop() {
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void theBoxesLieOverTheCamerasPictureFromTheHub() throws Exception {
        hub = new TestHub(data);
        assertThat(hub.ingest(Fixtures.inventory()).status()).isEqualTo(200);
        String source = hub.runtime.baseUrl();
        String token = hub.token(Role.VIEWER);
        Camera camera = hub.runtime.hub().situation().cameras().get("CAM-1");
        List<AiAlert.Box> boxes = List.of(new AiAlert.Box(0.1, 0.2, 0.3, 0.4, "摊位"));

        AlertPicture withHub = WidgetHarness.fx(() -> new AlertPicture(c -> CameraStill.of(c, source, token)));
        WidgetHarness.fx(() -> {
            withHub.show(boxes, camera);
            return null;
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> WidgetHarness.fx(withHub::hasPicture));

        AlertPicture noHub = WidgetHarness.fx(() -> new AlertPicture(c -> CameraStill.of(c, null, null)));
        WidgetHarness.fx(() -> {
            noHub.show(boxes, camera);
            return null;
        });
        WidgetHarness.fx(() -> null); // the answer, if any, came back on the FX thread before this
        assertThat(noHub.hasPicture()).isFalse();
    }
}
