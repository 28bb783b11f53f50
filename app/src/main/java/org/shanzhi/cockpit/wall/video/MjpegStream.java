package org.shanzhi.cockpit.wall.video;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javafx.scene.image.Image;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The pure-Java player, for machines without libvlc: reads a {@code multipart/x-mixed-replace} stream of JPEGs
 * over HTTP on its own daemon thread, decodes each part into a JavaFX {@link Image} and keeps only the newest;
 * reconnects with {@link Retry}'s back-off when the stream ends, fails or stalls (the read timeout). Parts are cut
 * by their Content-Length, or else by the JPEG SOI/EOI markers.
 */
final class MjpegStream implements Playback {

    static final OkHttpClient HTTP = new OkHttpClient.Builder().connectTimeout(5, TimeUnit.SECONDS)
            .readTimeout(5, TimeUnit.SECONDS).retryOnConnectionFailure(false).build();
    private static final int MAX_PART = 8 << 20;

    private final String url;
    private final String token;
    private final Retry retry = new Retry();
    private final AtomicReference<Image> newest = new AtomicReference<>();
    private final Thread thread;
    private volatile Status status = new Status(State.CONNECTING, Instant.now(), null);
    private volatile boolean closed;
    private volatile boolean hidden;
    private volatile Call call;
    private volatile long frames;
    private Image image;
    private long shown;

    /** Whether this reader can play {@code url}: an HTTP URL of an MJPEG stream ({@code .mjpg}). */
    static boolean plays(String url) {
        try {
            URI u = URI.create(url);
            String path = u.getPath() == null ? "" : u.getPath().toLowerCase(Locale.ROOT);
            return ("http".equals(u.getScheme()) || "https".equals(u.getScheme()))
                    && (path.endsWith(".mjpg") || path.endsWith(".mjpeg"));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Starts reading {@code url}; {@code token} (may be null) goes in the Authorization header. */
    MjpegStream(String url, String token) {
        this.url = url;
        this.token = token;
        this.thread = new Thread(this::run, "mjpeg " + url);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public String url() {
        return url;
    }

    @Override
    public Status status() {
        return status;
    }

    @Override
    public long decoded() {
        return frames;
    }

    @Override
    public long shown() {
        return shown;
    }

    @Override
    public boolean pump() {
        Image next = newest.getAndSet(null);
        if (next == null) {
            return false;
        }
        image = next;
        shown++;
        return true;
    }

    @Override
    public Image image() {
        return image;
    }

    /** Hidden: the connection closes (an MJPEG stream cannot pause) and opens again when shown. */
    @Override
    public void hidden(boolean hide) {
        boolean was = hidden;
        hidden = hide;
        if (hide) {
            Call c = call;
            if (c != null) {
                c.cancel();
            }
        } else if (was) {
            thread.interrupt(); // out of its wait (only then: an interrupt would also end a read in progress)
        }
    }

    @Override
    public void close() {
        closed = true;
        Call c = call;
        if (c != null) {
            c.cancel();
        }
        thread.interrupt();
    }

    private void run() {
        while (!closed) {
            if (hidden) {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    // shown again, or closed
                }
                continue;
            }
            Request.Builder b = new Request.Builder().url(url);
            if (token != null && !token.isEmpty()) {
                b.header("Authorization", "Bearer " + token);
            }
            Call c = HTTP.newCall(b.build());
            call = c;
            if (closed) {
                return;
            }
            if (hidden) {
                continue; // hidden while the call was made: hidden() may have cancelled the previous one
            }
            try (Response r = c.execute()) {
                if (r.isSuccessful()) {
                    InputStream in = new BufferedInputStream(r.body().byteStream(), 64 * 1024);
                    byte[] jpeg;
                    while (!closed && (jpeg = part(in)) != null) {
                        Image img = new Image(new ByteArrayInputStream(jpeg));
                        if (!img.isError() && img.getWidth() > 0) {
                            newest.set(img);
                            frames++;
                            if (status.state() != State.PLAYING) {
                                status = new Status(State.PLAYING, Instant.now(), null);
                                retry.reset();
                            }
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                // ended or failed: try again after a pause
            }
            if (closed || hidden) {
                continue;
            }
            long delay = retry.nextDelayMs();
            Instant since = status.state() == State.NO_SIGNAL ? status.since() : Instant.now();
            status = new Status(State.NO_SIGNAL, since, Instant.now().plusMillis(delay));
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                // closed, or shown again
            }
        }
    }

    /** The next part's bytes (a JPEG), or null at the end of the stream. */
    static byte[] part(InputStream in) throws IOException {
        int length = -1;
        boolean headers = false;
        while (true) {
            String line = line(in);
            if (line == null) {
                return null;
            }
            if (line.isEmpty()) {
                if (headers) {
                    break;
                }
                continue;
            }
            if (line.startsWith("--")) {
                headers = true;
                continue;
            }
            if ((line.charAt(0) & 0xFF) == 0xFF) {
                return null; // not a multipart stream we understand
            }
            headers = true;
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("content-length")) {
                try {
                    length = Integer.parseInt(line.substring(colon + 1).trim());
                } catch (NumberFormatException e) {
                    length = -1;
                }
            }
        }
        if (length > 0 && length <= MAX_PART) {
            byte[] b = in.readNBytes(length);
            return b.length == length ? b : null;
        }
        return byMarkers(in);
    }

    /** Without a Content-Length: from SOI (FF D8) to EOI (FF D9). */
    private static byte[] byMarkers(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        int prev = -1;
        int c;
        boolean started = false;
        while ((c = in.read()) != -1) {
            if (!started) {
                if (prev == 0xFF && c == 0xD8) {
                    started = true;
                    out.write(0xFF);
                    out.write(0xD8);
                }
            } else {
                out.write(c);
                if (prev == 0xFF && c == 0xD9) {
                    return out.toByteArray();
                }
                if (out.size() > MAX_PART) {
                    throw new IOException("a part without an end larger than " + MAX_PART + " bytes");
                }
            }
            prev = c;
        }
        return null;
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(64);
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (c != '\r') {
                b.write(c);
            }
            if (b.size() > 1024) {
                throw new IOException("a multipart header line longer than 1024 bytes");
            }
        }
        return c == -1 && b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
    }
}
