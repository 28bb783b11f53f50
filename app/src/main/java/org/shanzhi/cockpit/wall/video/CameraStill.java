package org.shanzhi.cockpit.wall.video;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javafx.scene.image.Image;
import okhttp3.Request;
import okhttp3.Response;

import org.shanzhi.cockpit.domain.Camera;

/**
 * One picture of a camera, for a list that shows many cameras at once (the AI-alert triage): the first frame of
 * its MJPEG stream, read and decoded on a small daemon pool, the connection closed after it. Streams that are not
 * MJPEG (an RTSP relay, a TS file) give no picture: decoding one needs a player per camera.
 */
public final class CameraStill {

    /** Two at a time: a queue of stills must not take the hub's viewer places from the video tiles. */
    private static final ExecutorService POOL = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "camera still");
        t.setDaemon(true);
        return t;
    });

    private CameraStill() {
    }

    /**
     * The camera's current picture from the hub at {@code source} (read with {@code token}); completes with null
     * when there is none (offline, not MJPEG, unreachable, refused), never exceptionally.
     */
    public static CompletableFuture<Image> of(Camera camera, String source, String token) {
        String url = source == null ? null : VideoWidget.streamUrl(camera, source);
        if (url == null || !MjpegStream.plays(url)) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.supplyAsync(() -> first(url, token), POOL);
    }

    private static Image first(String url, String token) {
        Request.Builder b = new Request.Builder().url(url);
        if (token != null && !token.isEmpty()) {
            b.header("Authorization", "Bearer " + token);
        }
        try (Response r = MjpegStream.HTTP.newCall(b.build()).execute()) {
            if (!r.isSuccessful()) {
                return null;
            }
            byte[] jpeg = MjpegStream.part(new BufferedInputStream(r.body().byteStream(), 64 * 1024));
            if (jpeg == null) {
                return null;
            }
            Image img = new Image(new ByteArrayInputStream(jpeg));
            return img.isError() || img.getWidth() <= 0 ? null : img;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
