package org.shanzhi.cockpit.wall.video;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javafx.scene.image.Image;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * A pure-Java MJPEG player's network half: reads a {@code multipart/x-mixed-replace} stream of JPEGs over HTTP on
 * its own daemon thread, decodes each part into a JavaFX {@link Image} and keeps only the newest; reconnects with
 * back-off when the stream ends or fails. Parts are cut by their Content-Length, or else by the JPEG SOI/EOI markers.
 * The UI polls {@link #take()} (at most once per pulse) and {@link #state()}.
 */
public final class MjpegStream implements AutoCloseable {

    public enum State { CONNECTING, PLAYING, FAILED }

    static final OkHttpClient HTTP = new OkHttpClient.Builder().connectTimeout(5, TimeUnit.SECONDS)
            .readTimeout(10, TimeUnit.SECONDS).retryOnConnectionFailure(false).build();
    private static final int MAX_PART = 8 << 20;
    private static final long MAX_BACKOFF = 10_000;

    private final String url;
    private final String token;
    private final AtomicReference<Image> newest = new AtomicReference<>();
    private final Thread thread;
    private volatile State state = State.CONNECTING;
    private volatile boolean closed;
    private volatile Call call;
    private volatile long frames;

    /** Starts reading {@code url}; {@code token} (may be null) goes in the Authorization header. */
    public MjpegStream(String url, String token) {
        this.url = url;
        this.token = token;
        this.thread = new Thread(this::run, "mjpeg " + url);
        thread.setDaemon(true);
        thread.start();
    }

    public String url() {
        return url;
    }

    public State state() {
        return state;
    }

    /** Frames decoded so far. */
    public long frames() {
        return frames;
    }

    /** The newest decoded frame not taken yet, or null. */
    public Image take() {
        return newest.getAndSet(null);
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
        long backoff = 500;
        while (!closed) {
            Request.Builder b = new Request.Builder().url(url);
            if (token != null && !token.isEmpty()) {
                b.header("Authorization", "Bearer " + token);
            }
            Call c = HTTP.newCall(b.build());
            call = c;
            if (closed) {
                return;
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
                            state = State.PLAYING;
                            backoff = 500;
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                // ended or failed: try again after a pause
            }
            if (closed) {
                return;
            }
            state = State.FAILED;
            try {
                Thread.sleep(backoff);
            } catch (InterruptedException e) {
                return;
            }
            backoff = Math.min(MAX_BACKOFF, backoff * 2);
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
