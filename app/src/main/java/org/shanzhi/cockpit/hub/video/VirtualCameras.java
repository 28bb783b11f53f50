package org.shanzhi.cockpit.hub.video;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.shanzhi.cockpit.domain.Camera;
import org.shanzhi.cockpit.domain.FieldUnit;
import org.shanzhi.cockpit.domain.UnitStatus;
import org.shanzhi.cockpit.json.Json;

/**
 * Simulated cameras: an MJPEG stream per camera ({@code multipart/x-mixed-replace; boundary=frame}) of a street
 * scene drawn with Java2D, with the camera's name, id, the hub time and an AI badge. Each camera with viewers is
 * rendered once per tick on a small shared scheduler, whatever the number of viewers; a camera nobody watches is not
 * rendered, and at most {@code maxCameras} are at once. Viewers wait for the next frame on their own (request)
 * thread, never on the hub's writer, and each holds one of the hub's {@link VideoViewers} places.
 */
public final class VirtualCameras implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(VirtualCameras.class);
    public static final int WIDTH = 640;
    public static final int HEIGHT = 360;
    public static final int FPS = 5;
    public static final String BOUNDARY = "frame";
    public static final String CONTENT_TYPE = "multipart/x-mixed-replace; boundary=" + BOUNDARY;
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(BEIJING);

    /** Body-cam channels are keyed by this before the unit's id, apart from the fixed cameras'. */
    private static final String BODY_CAM = "unit/";
    private final Function<String, Camera> cameras;
    private final Supplier<Instant> clock;
    private final ScheduledExecutorService ticks;
    private final Map<String, Channel> channels = new ConcurrentHashMap<>();
    private final VideoViewers viewers;
    private final int maxCameras;
    private volatile boolean closed;

    /**
     * {@code cameras} looks a camera up by id in the current situation; {@code clock} is the hub's time;
     * {@code viewers} are the places the relay shares; {@code maxCameras} is how many cameras may be drawn at once.
     */
    public VirtualCameras(Function<String, Camera> cameras, Function<String, FieldUnit> units, Supplier<Instant> clock,
                          VideoViewers viewers, int maxCameras) {
        this.cameras = id -> id.startsWith(BODY_CAM) ? bodyCam(units.apply(id.substring(BODY_CAM.length())))
                : cameras.apply(id);
        this.clock = clock;
        this.viewers = viewers;
        this.maxCameras = maxCameras;
        this.ticks = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "virtual-cameras");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * A field unit's body-cam (单兵图传) as a camera drawn like the fixed ones: its name and position on the picture,
     * online while the unit is on duty; null for no unit.
     */
    static Camera bodyCam(FieldUnit u) {
        if (u == null) {
            return null;
        }
        String where = u.at() == null ? "" : String.format(Locale.ROOT, " · %.5f, %.5f", u.at().lon(), u.at().lat());
        return new Camera(BODY_CAM + u.id(), (u.name() == null ? u.id() : u.name()) + where, u.at(), null, false,
                u.status() != UnitStatus.OFF, null);
    }

    /** What a request for a camera's stream gets: a camera to stream, or why not. */
    public enum Lookup { STREAM, UNKNOWN, OFFLINE }

    public Lookup lookup(String cameraId) {
        Camera c = cameras.apply(cameraId);
        return c == null ? Lookup.UNKNOWN : c.online() ? Lookup.STREAM : Lookup.OFFLINE;
    }

    /** Number of cameras being rendered now (for tests and diagnostics). */
    public int rendering() {
        return channels.size();
    }

    /**
     * Writes the stream of {@code ch} to {@code out} until the viewer goes away, the camera goes offline or is
     * removed, or the hub closes. Blocks the calling (request) thread.
     */
    private void stream(Channel ch, OutputStream out) {
        long seen = -1;
        try {
            while (!closed) {
                Frame f = ch.next(seen, 2_000);
                if (f == null) {
                    if (ch.ended) {
                        return;
                    }
                    continue;
                }
                seen = f.seq;
                out.write(f.part);
                out.flush();
            }
        } catch (IOException e) {
            // the viewer went away
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The channel of {@code cameraId}, joined; null when it is not drawn and {@code maxCameras} already are. */
    private Channel join(String cameraId) {
        synchronized (channels) {
            Channel ch = channels.get(cameraId);
            if (ch == null) {
                if (channels.size() >= maxCameras) {
                    return null;
                }
                ch = new Channel(cameraId);
                channels.put(cameraId, ch);
            }
            if (ch.viewers++ == 0) {
                ch.task = ticks.scheduleAtFixedRate(ch::tick, 0, 1000 / FPS, TimeUnit.MILLISECONDS);
            }
            return ch;
        }
    }

    private void leave(Channel ch) {
        synchronized (channels) {
            if (--ch.viewers == 0) {
                ch.task.cancel(false);
                channels.remove(ch.cameraId, ch);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        ticks.shutdownNow();
        for (Iterator<Channel> it = channels.values().iterator(); it.hasNext(); ) {
            it.next().end();
        }
    }

    private record Frame(long seq, byte[] part) {
    }

    /** One camera being watched: its newest frame, rendered once per tick for all its viewers. */
    private final class Channel {
        final String cameraId;
        int viewers; // guarded by channels
        ScheduledFuture<?> task; // guarded by channels
        private Frame newest;
        private long seq;
        volatile boolean ended;
        private final BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);

        Channel(String cameraId) {
            this.cameraId = cameraId;
        }

        void tick() {
            try {
                Camera c = cameras.apply(cameraId);
                if (c == null || !c.online()) {
                    end();
                    return;
                }
                byte[] jpeg = Scene.render(image, c, seq, TIME.format(clock.get()));
                byte[] head = ("--" + BOUNDARY + "\r\nContent-Type: image/jpeg\r\nContent-Length: " + jpeg.length
                        + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
                byte[] part = new byte[head.length + jpeg.length + 2];
                System.arraycopy(head, 0, part, 0, head.length);
                System.arraycopy(jpeg, 0, part, head.length, jpeg.length);
                part[part.length - 2] = '\r';
                part[part.length - 1] = '\n';
                synchronized (this) {
                    newest = new Frame(seq++, part);
                    notifyAll();
                }
            } catch (RuntimeException | IOException e) {
                LOG.warn("virtual camera {} failed to render a frame", cameraId, e);
            }
        }

        synchronized void end() {
            ended = true;
            notifyAll();
        }

        /** The newest frame after {@code seen}, waiting up to {@code millis}; null on timeout or end. */
        synchronized Frame next(long seen, long millis) throws InterruptedException {
            long deadline = System.currentTimeMillis() + millis;
            while (!ended && (newest == null || newest.seq <= seen)) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    return null;
                }
                wait(left);
            }
            return ended ? null : newest;
        }
    }

    /** The street scene. */
    static final class Scene {
        private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 24);
        private static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 16);
        private static final Color[] CARS = {new Color(0xD9534F), new Color(0xF0AD4E), new Color(0x5BC0DE),
            new Color(0xEEEEEE), new Color(0x5CB85C)};

        static byte[] render(BufferedImage img, Camera c, long frame, String time) throws IOException {
            Graphics2D g = img.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                int seed = Math.abs(c.id().hashCode());
                // sky and buildings, different per camera
                g.setPaint(new GradientPaint(0, 0, new Color(0x2B4A6F), 0, 150, new Color(0x8FA9C4)));
                g.fillRect(0, 0, WIDTH, 150);
                for (int i = 0, x = -(seed % 40); x < WIDTH; i++) {
                    int w = 50 + (seed >> (i % 8)) % 60;
                    int h = 50 + (seed * (i + 3)) % 90;
                    g.setColor(new Color(70 + (i * 23 + seed) % 60, 75 + (i * 17) % 50, 90 + (i * 11) % 40));
                    g.fillRect(x, 150 - h, w - 4, h);
                    g.setColor(new Color(0xFFE8A3));
                    for (int wy = 150 - h + 8; wy < 142; wy += 14) {
                        for (int wx = x + 6; wx < x + w - 12; wx += 12) {
                            if (((wx * 7 + wy * 3 + seed) & 3) == 0) {
                                g.fillRect(wx, wy, 5, 6);
                            }
                        }
                    }
                    x += w;
                }
                // pavement and road
                g.setColor(new Color(0x8C8C84));
                g.fillRect(0, 150, WIDTH, 30);
                g.setColor(new Color(0x3A3D42));
                g.fillRect(0, 180, WIDTH, 160);
                g.setColor(new Color(0x8C8C84));
                g.fillRect(0, 340, WIDTH, 20);
                // lane marks moving
                g.setColor(new Color(0xF2F2F2));
                g.setStroke(new BasicStroke(4));
                int shift = (int) (frame * 12 % 80);
                for (int x = -80 + shift; x < WIDTH; x += 80) {
                    g.fillRect(x, 257, 40, 5);
                }
                // cars: two lanes, opposite directions
                for (int i = 0; i < 5; i++) {
                    boolean east = i % 2 == 0;
                    int speed = 9 + (seed + i * 5) % 9;
                    int span = WIDTH + 200;
                    int pos = (int) ((frame * speed + i * 173 + seed) % span) - 100;
                    int x = east ? pos : WIDTH - pos;
                    int y = east ? 275 : 205;
                    g.setColor(CARS[(i + seed) % CARS.length]);
                    g.fillRoundRect(x, y, 90, 36, 12, 12);
                    g.setColor(new Color(0x1E2A38));
                    g.fillRect(x + (east ? 55 : 10), y + 6, 25, 14);
                    g.setColor(Color.BLACK);
                    g.fillOval(x + 12, y + 28, 16, 16);
                    g.fillOval(x + 62, y + 28, 16, 16);
                }
                // on-screen display along the bottom, as cameras print it (the wall's tile names the camera at the top)
                int band = HEIGHT - 64;
                g.setColor(new Color(0, 0, 0, 140));
                g.fillRect(0, band, WIDTH, 64);
                g.setColor(Color.WHITE);
                g.setFont(TITLE);
                g.drawString(c.name() == null ? c.id() : c.name(), 14, band + 28);
                g.setFont(SMALL);
                g.drawString(c.id(), 14, band + 52);
                String t = time;
                g.drawString(t, WIDTH - 14 - g.getFontMetrics().stringWidth(t), band + 52);
                if (c.ai()) {
                    g.setColor(new Color(0x2E86DE));
                    g.fillRoundRect(WIDTH - 60, band + 8, 46, 24, 8, 8);
                    g.setColor(Color.WHITE);
                    g.setFont(TITLE.deriveFont(18f));
                    g.drawString("AI", WIDTH - 48, band + 27);
                }
                if ((frame / FPS) % 2 == 0) {
                    g.setColor(new Color(0xE74C3C));
                    g.fillOval(WIDTH - 30, 18, 12, 12);
                }
            } finally {
                g.dispose();
            }
            return jpeg(img);
        }

        static byte[] jpeg(BufferedImage img) throws IOException {
            ImageWriter w = ImageIO.getImageWritersByFormatName("jpeg").next();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(40_000);
            try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
                w.setOutput(out);
                ImageWriteParam p = w.getDefaultWriteParam();
                p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                p.setCompressionQuality(0.7f);
                w.write(null, new IIOImage(img, null, null), p);
            } finally {
                w.dispose();
            }
            return bytes.toByteArray();
        }
    }

    /**
     * {@code GET /video/{cameraId}.mjpg}: 404 for an unknown camera, 503 (naming {@code cameraId}) for an offline
     * one or when the hub serves or draws all it may, else the stream until the viewer leaves.
     */
    public void serve(Context ctx) throws IOException {
        serve(ctx, ctx.pathParam("cameraId"));
    }

    /**
     * {@code GET /video/unit/{unitId}.mjpg}: the unit's body-cam, as {@link #serve} answers for a camera (404 for no
     * such unit, 503 while it is off duty), within the same viewer and drawing caps.
     */
    public void serveUnit(Context ctx) throws IOException {
        serve(ctx, BODY_CAM + ctx.pathParam("unitId"));
    }

    private void serve(Context ctx, String id) throws IOException {
        switch (lookup(id)) {
            case UNKNOWN -> throw new VideoRefused(404, "no camera with id " + id);
            case OFFLINE -> refuse(ctx, offline(id));
            case STREAM -> {
                if (!viewers.enter()) {
                    refuse(ctx, unavailable(id, viewers.full()));
                    return;
                }
                try {
                    watch(ctx, id);
                } finally {
                    viewers.leave();
                }
            }
        }
    }

    private void watch(Context ctx, String id) throws IOException {
        Channel ch = join(id);
        if (ch == null) {
            refuse(ctx, unavailable(id, "the hub draws at most " + maxCameras + " simulated cameras at once "
                    + "(--max-virtual-cameras) and " + id + " is not among them; try again when one is closed"));
            return;
        }
        try {
            stream(ch, startStream(ctx, CONTENT_TYPE));
        } finally {
            leave(ch);
        }
    }

    /** Starts a 200 answer that streams until the viewer leaves: no caching, headers sent at once. */
    static OutputStream startStream(Context ctx, String contentType) throws IOException {
        HttpServletResponse res = ctx.res();
        res.setStatus(200);
        res.setContentType(contentType);
        res.setHeader("Cache-Control", "no-cache, no-store");
        OutputStream out = res.getOutputStream();
        out.flush();
        return out;
    }

    /** Answers 503 with {@code body}, one of {@link #offline} or {@link #unavailable}. */
    static void refuse(Context ctx, Map<String, Object> body) {
        ctx.status(503).contentType("application/json; charset=utf-8").result(Json.write(body));
    }

    /** The body of a 503 for an offline camera. */
    public static Map<String, Object> offline(String cameraId) {
        return unavailable(cameraId, "camera " + cameraId + " is offline");
    }

    /** The body of a 503: the video of {@code cameraId} cannot be served, and why. */
    public static Map<String, Object> unavailable(String cameraId, String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", "unavailable");
        m.put("field", "cameraId");
        m.put("cameraId", cameraId);
        m.put("message", message);
        return m;
    }
}
