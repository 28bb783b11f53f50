package org.shanzhi.cockpit.hub.video;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.shanzhi.cockpit.domain.Camera;
import org.shanzhi.cockpit.hub.BadRequest;

/**
 * {@code GET /video/relay/{cameraId}}: a camera's RTSP stream as MPEG-TS over HTTP, for players that cannot open
 * RTSP (Debian's libvlc is built without live555). ffmpeg is the RTSP client and only re-muxes (no re-encoding);
 * one ffmpeg per viewer, ended when the viewer leaves, the camera stops sending, or the hub stops. Each viewer holds
 * one of the hub's {@link VideoViewers} places.
 */
public final class RtspRelay implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RtspRelay.class);
    public static final String CONTENT_TYPE = "video/mp2t";
    /**
     * ffmpeg's socket timeout, in microseconds: a camera silent this long ends the relay. (ffmpeg 5 and later:
     * before 5, -timeout meant listening as a server.)
     */
    private static final String TIMEOUT_US = "5000000";

    private final Function<String, Camera> cameras;
    private final String ffmpeg;
    private final Set<Process> running = ConcurrentHashMap.newKeySet();
    private final VideoViewers viewers;

    public RtspRelay(Function<String, Camera> cameras, VideoViewers viewers) {
        this.cameras = cameras;
        this.ffmpeg = onPath("ffmpeg");
        this.viewers = viewers;
    }

    /** The executable {@code name} on the PATH, or null. */
    static String onPath(String name) {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                File f = new File(dir, name);
                if (f.isFile() && f.canExecute()) {
                    return f.getPath();
                }
            }
        }
        return null;
    }

    /** Relays running now. */
    public int relaying() {
        return running.size();
    }

    public void serve(Context ctx) throws IOException {
        String id = ctx.pathParam("cameraId");
        Camera c = cameras.apply(id);
        if (c == null) {
            throw new BadRequest(404, "cameraId", "no camera with id " + id);
        }
        if (c.streamUrl() == null || !c.streamUrl().startsWith("rtsp://")) {
            throw new BadRequest(400, "cameraId", "camera " + id + " does not stream RTSP (its streamUrl is "
                    + c.streamUrl() + "): play its streamUrl directly");
        }
        if (!c.online()) {
            VirtualCameras.refuse(ctx, VirtualCameras.offline(id));
            return;
        }
        if (ffmpeg == null) {
            VirtualCameras.refuse(ctx, VirtualCameras.unavailable(id,
                    "the hub cannot relay RTSP: ffmpeg is not installed (apt-get install ffmpeg)"));
            return;
        }
        if (!viewers.enter()) {
            VirtualCameras.refuse(ctx, VirtualCameras.unavailable(id, viewers.full()));
            return;
        }
        try {
            relay(ctx, c);
        } finally {
            viewers.leave();
        }
    }

    private void relay(Context ctx, Camera c) throws IOException {
        String id = c.id();
        Process p = new ProcessBuilder(List.of(ffmpeg, "-hide_banner", "-nostdin", "-loglevel", "error",
                "-timeout", TIMEOUT_US, "-i", c.streamUrl(), "-an", "-c:v", "copy", "-f", "mpegts", "pipe:1"))
                .start();
        running.add(p);
        try (InputStream in = p.getInputStream()) {
            p.getOutputStream().close(); // -nostdin: it reads nothing from us
            logErrors(p, id);
            OutputStream out = VirtualCameras.startStream(ctx, CONTENT_TYPE);
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = in.read(buf)) > 0) {
                out.write(buf, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // the viewer left
        } finally {
            p.destroyForcibly();
            running.remove(p);
        }
    }

    /** ffmpeg's complaints (camera unreachable, bad stream) go to the hub's log, not to the viewer. */
    private static void logErrors(Process p, String cameraId) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    LOG.warn("relay {}: {}", cameraId, line);
                }
            } catch (IOException e) {
                // ffmpeg ended
            }
        }, "relay log " + cameraId);
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() {
        running.forEach(Process::destroyForcibly);
    }
}
