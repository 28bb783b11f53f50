package org.shanzhi.cockpit.hub.video;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.shanzhi.cockpit.domain.Camera;

/**
 * {@code GET /video/relay/{cameraId}}: a camera's RTSP stream as MPEG-TS over HTTP, for players that cannot open
 * RTSP (Debian's libvlc is built without live555). ffmpeg is the RTSP client and only re-muxes (no re-encoding).
 * One ffmpeg per camera, shared by all its viewers, ended when the last viewer leaves, the camera stops sending, or
 * the hub stops; at most {@code maxRelays} at once. The hub connects only to addresses in its camera networks.
 */
public final class RtspRelay implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RtspRelay.class);
    public static final String CONTENT_TYPE = "video/mp2t";
    /**
     * ffmpeg's socket timeout, in microseconds: a camera silent this long ends the relay. (ffmpeg 5 and later:
     * before 5, -timeout meant listening as a server.)
     */
    private static final String TIMEOUT_US = "5000000";
    private static final int RTSP_PORT = 554;
    /** An MPEG-TS packet: viewers get whole packets, so one who joins late starts at a packet boundary. */
    private static final int PACKET = 188;
    /**
     * How far a viewer may fall behind its camera before it is dropped (its player reconnects): about 8 s of a
     * 4 Mbit/s camera. A camera's viewers share its chunks, so this also bounds the memory of one relay.
     */
    private static final int MAX_BEHIND = 4 << 20;

    private final Function<String, Camera> cameras;
    private final String ffmpeg;
    private final VideoViewers viewers;
    private final int maxRelays;
    private final CameraNetworks networks;
    /** The relays a viewer may join, by the camera's stream URL; guarded by itself. */
    private final Map<String, Feed> feeds = new HashMap<>();
    /** The ffmpegs not yet ended, including those of relays their last viewer has just left. */
    private final Set<Process> running = ConcurrentHashMap.newKeySet();

    public RtspRelay(Function<String, Camera> cameras, VideoViewers viewers, int maxRelays, CameraNetworks networks) {
        this.cameras = cameras;
        this.ffmpeg = onPath("ffmpeg");
        this.viewers = viewers;
        this.maxRelays = maxRelays;
        this.networks = networks;
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

    /** ffmpeg processes running now. */
    public int relaying() {
        return running.size();
    }

    public void serve(Context ctx) throws IOException {
        String id = ctx.pathParam("cameraId");
        Camera c = cameras.apply(id);
        if (c == null) {
            throw new VideoRefused(404, "no camera with id " + id);
        }
        if (c.streamUrl() == null || !c.streamUrl().startsWith("rtsp://")) {
            throw new VideoRefused(400, "camera " + id + " does not stream RTSP (its streamUrl is "
                    + c.streamUrl() + "): play its streamUrl directly");
        }
        if (!c.online()) {
            VirtualCameras.refuse(ctx, VirtualCameras.offline(id));
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
        String source;
        try {
            source = checkedSource(c);
        } catch (UnknownHostException e) {
            VirtualCameras.refuse(ctx, VirtualCameras.unavailable(c.id(), "the host of camera " + c.id()
                    + " does not resolve: " + e.getMessage()));
            return;
        }
        if (ffmpeg == null) {
            VirtualCameras.refuse(ctx, VirtualCameras.unavailable(c.id(),
                    "the hub cannot relay RTSP: ffmpeg is not installed (apt-get install ffmpeg)"));
            return;
        }
        Viewer viewer = new Viewer(c.id());
        Feed feed = join(c, source, viewer);
        if (feed == null) {
            VirtualCameras.refuse(ctx, VirtualCameras.unavailable(c.id(), "the hub relays at most " + maxRelays
                    + " RTSP cameras at once (--max-relays); try again when one is closed"));
            return;
        }
        try {
            viewer.sendTo(VirtualCameras.startStream(ctx, CONTENT_TYPE));
        } finally {
            feed.leave(viewer);
        }
    }

    /** The relay of {@code c} with {@code viewer} in it, started if need be; null when maxRelays already run. */
    private Feed join(Camera c, String source, Viewer viewer) throws IOException {
        synchronized (feeds) {
            Feed feed = feeds.get(c.streamUrl());
            if (feed != null) {
                feed.viewers.add(viewer);
                return feed;
            }
            return running.size() < maxRelays ? start(c, source, viewer) : null;
        }
    }

    /**
     * The URL ffmpeg is given: the camera's, with its host resolved once and checked against the camera networks,
     * so that a name cannot be pointed elsewhere between the check and the connection. 403 for an address outside
     * them and for what cannot be checked: user info, no host.
     */
    private String checkedSource(Camera c) throws UnknownHostException {
        URI uri;
        try {
            uri = new URI(c.streamUrl());
        } catch (URISyntaxException e) {
            throw forbidden(c, "its streamUrl is not a URL the hub can check (" + e.getReason() + ")");
        }
        if (uri.getRawUserInfo() != null) {
            throw forbidden(c, "its streamUrl carries a user name or password, which the hub does not relay");
        }
        String host = uri.getHost();
        if (host == null) {
            throw forbidden(c, "its streamUrl has no host the hub can check");
        }
        InetAddress address = InetAddress.getByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        int port = uri.getPort() < 0 ? RTSP_PORT : uri.getPort();
        String ip = address.getHostAddress();
        if (!networks.allows(address, port)) {
            String resolved = host.equals(ip) ? "" : host + " resolves to " + ip + ", and ";
            throw forbidden(c, resolved + ip + " port " + port + " is not in the allowed camera networks ("
                    + networks + "); the hub's --camera-networks option sets them");
        }
        return "rtsp://" + (address instanceof Inet6Address ? "[" + ip + "]" : ip) + ":" + port + uri.getRawPath()
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private static VideoRefused forbidden(Camera c, String why) {
        return new VideoRefused(403, "the hub does not relay camera " + c.id() + ": " + why);
    }

    /** Starts the relay of {@code c} for its first viewer, who gets it from its first byte; under feeds' lock. */
    private Feed start(Camera c, String source, Viewer first) throws IOException {
        Process p = new ProcessBuilder(List.of(ffmpeg, "-hide_banner", "-nostdin", "-loglevel", "error",
                "-timeout", TIMEOUT_US, "-i", source, "-an", "-c:v", "copy", "-f", "mpegts", "pipe:1"))
                .start();
        running.add(p);
        p.getOutputStream().close(); // -nostdin: it reads nothing from us
        logErrors(p, c.id());
        Feed feed = new Feed(c.streamUrl(), p);
        feed.viewers.add(first);
        feeds.put(c.streamUrl(), feed);
        Thread pump = new Thread(feed::pump, "relay " + c.id());
        pump.setDaemon(true);
        pump.start();
        return feed;
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

    /** One camera's ffmpeg and its viewers. */
    private final class Feed {
        final String url;
        final Process process;
        /** Joined and left under the lock of {@code feeds}; read by the pump without it. */
        final List<Viewer> viewers = new CopyOnWriteArrayList<>();

        Feed(String url, Process process) {
            this.url = url;
            this.process = process;
        }

        /** On the feed's own thread: ffmpeg's output, in whole packets, to every viewer; never waits for one. */
        void pump() {
            byte[] buf = new byte[PACKET * 348];
            int held = 0;
            try (InputStream in = process.getInputStream()) {
                int n;
                while ((n = in.read(buf, held, buf.length - held)) > 0) {
                    held += n;
                    int whole = held - held % PACKET;
                    if (whole > 0) {
                        byte[] chunk = Arrays.copyOf(buf, whole);
                        viewers.forEach(v -> v.offer(chunk));
                        held -= whole;
                        System.arraycopy(buf, whole, buf, 0, held);
                    }
                }
            } catch (IOException e) {
                // ffmpeg was stopped
            } finally {
                process.destroyForcibly();
                process.onExit().join();
                running.remove(process); // before the viewers see the end: a player that reconnects finds it gone
                synchronized (feeds) {
                    feeds.remove(url, this);
                    viewers.forEach(Viewer::end);
                }
            }
        }

        void leave(Viewer v) {
            synchronized (feeds) {
                viewers.remove(v);
                if (viewers.isEmpty() && feeds.remove(url, this)) {
                    process.destroyForcibly(); // the pump then reads the end of its output and finishes
                }
            }
        }
    }

    /** The chunks a viewer has not been sent yet. */
    private static final class Viewer {
        private final String cameraId;
        private final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
        private int bytes;
        private boolean ended;

        Viewer(String cameraId) {
            this.cameraId = cameraId;
        }

        /** On the pump's thread: queues a chunk, or drops a viewer that has fallen too far behind. */
        synchronized void offer(byte[] chunk) {
            if (ended) {
                return;
            }
            if (bytes + chunk.length > MAX_BEHIND) {
                LOG.info("relay {}: a viewer fell {} bytes behind and was dropped", cameraId, bytes);
                chunks.clear();
                ended = true;
            } else {
                chunks.add(chunk);
                bytes += chunk.length;
            }
            notifyAll();
        }

        synchronized void end() {
            ended = true;
            notifyAll();
        }

        /** Writes the chunks to {@code out} as they come, until the viewer leaves or is ended. */
        void sendTo(OutputStream out) {
            try {
                byte[] chunk;
                while ((chunk = take()) != null) {
                    out.write(chunk);
                    out.flush();
                }
            } catch (IOException e) {
                // the viewer left
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** The next chunk, waiting for it; null once the viewer is ended and has been sent what it had. */
        private synchronized byte[] take() throws InterruptedException {
            while (chunks.isEmpty() && !ended) {
                wait();
            }
            byte[] chunk = chunks.poll();
            if (chunk != null) {
                bytes -= chunk.length;
            }
            return chunk;
        }
    }
}
