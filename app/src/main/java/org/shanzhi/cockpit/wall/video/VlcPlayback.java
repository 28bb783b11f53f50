package org.shanzhi.cockpit.wall.video;

import java.awt.Dimension;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

import javafx.geometry.Rectangle2D;
import javafx.scene.image.Image;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import uk.co.caprica.vlcj.media.MediaStatistics;
import uk.co.caprica.vlcj.player.base.MediaPlayer;
import uk.co.caprica.vlcj.player.base.MediaPlayerEventAdapter;
import uk.co.caprica.vlcj.player.embedded.EmbeddedMediaPlayer;
import uk.co.caprica.vlcj.player.embedded.videosurface.CallbackVideoSurface;
import uk.co.caprica.vlcj.player.embedded.videosurface.callback.BufferFormat;
import uk.co.caprica.vlcj.player.embedded.videosurface.callback.BufferFormatCallback;
import uk.co.caprica.vlcj.player.embedded.videosurface.callback.RenderCallback;
import uk.co.caprica.vlcj.player.embedded.videosurface.callback.format.RV32BufferFormat;

/**
 * A stream played by libvlc into a {@link PixelBuffer} of our own: the decoder thread writes each frame into the
 * buffer and marks it dirty; {@link #pump()} on the FX thread tells JavaFX the buffer changed, at most once per
 * pulse (frames in between are coalesced). The player comes from {@link Libvlc}'s pool and every libvlc call runs
 * on its thread. The watchdog ({@link #check}) restarts a stream whose frames stop, gives up on one that does not
 * start within {@link #START_TIMEOUT_S} seconds, and starts failed ones again after a back-off that never ends.
 */
final class VlcPlayback implements Playback {

    static final long STALL_S = 4;
    static final long START_TIMEOUT_S = 10;

    /** A buffer libvlc decodes into, and the size it has (decoders pad it beyond the picture). */
    private record Frame(ByteBuffer buffer, int width, int height) {
    }

    private final Libvlc vlc;
    private final String url;
    private final String mrl;
    private final Retry retry = new Retry();
    private final AtomicBoolean dirty = new AtomicBoolean();
    private final LongAdder decoded = new LongAdder();
    /** Pictures libvlc decoded but dropped as late, over all attempts (written on the libvlc thread). */
    private volatile long late;
    private final Object lock = new Object();
    private final CallbackVideoSurface surface;
    /**
     * Events come in order on vlcj's thread: those before the media of our latest attempt was set belong to an
     * earlier attempt (or to the pooled player's previous owner) and are ignored.
     */
    private final MediaPlayerEventAdapter events = new MediaPlayerEventAdapter() {
        @Override
        public void mediaChanged(MediaPlayer mediaPlayer, uk.co.caprica.vlcj.media.MediaRef media) {
            current = true;
        }

        @Override
        public void error(MediaPlayer mediaPlayer) {
            if (current) {
                vlc.run(() -> failed(System.nanoTime()));
            }
        }

        @Override
        public void finished(MediaPlayer mediaPlayer) {
            if (current) {
                vlc.run(() -> failed(System.nanoTime())); // a camera's stream has no end: an end is a failure
            }
        }
    };
    /** Whether the events arriving now are of the latest attempt. */
    private volatile boolean current;

    // the size the tile shows the picture at, in screen pixels (0: not known yet); set by the FX thread
    private volatile double fitWidth;
    private volatile double fitHeight;

    // written by libvlc's threads, read by the FX thread
    private volatile int formatWidth;
    private volatile int formatHeight;
    /** The buffer a restart for a new size was asked for already (FX thread). */
    private Frame refitFor;
    /** The width libvlc proposed for the buffer: the stream's own. */
    private volatile int sourceWidth = Integer.MAX_VALUE;
    private volatile Frame frame;
    /** When the decoder last produced a picture (or playing began). */
    private volatile long lastProgressNanos;
    /** The picture's own size, as libvlc reports it once playing; null until then. */
    private volatile Rectangle2D visible;
    private volatile Status status = new Status(State.CONNECTING, Instant.now(), null);
    private volatile boolean closed;

    // the libvlc thread's own
    private EmbeddedMediaPlayer player;
    private long attemptNanos;
    private final MediaStatistics stats = new MediaStatistics();
    private int lastDecoded = -1;
    private int lastLost;
    private long retryAtNanos;
    private boolean hidden;
    private boolean pausedByUs;

    // the FX thread's own
    private Frame bound;
    private PixelBuffer<IntBuffer> pixels;
    private WritableImage image;
    private long shown;

    VlcPlayback(Libvlc vlc, String url, String token) {
        this.vlc = vlc;
        this.url = url;
        this.mrl = token == null ? url
                : url + (url.contains("?") ? "&" : "?") + "token=" + URLEncoder.encode(token,
                        StandardCharsets.UTF_8);
        this.surface = vlc.factory().videoSurfaces().newVideoSurface(new Format(), new Render(), true);
        vlc.watch(this);
        vlc.run(this::start);
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
    public boolean pump() {
        Frame f = frame;
        if (f == null) {
            return false;
        }
        if (f != bound) {
            bound = f;
            // RV32 is B, G, R, A in memory: read as little-endian ints that is ARGB, JavaFX's own format, which the
            // software pipeline takes without converting every pixel (as it must for byte BGRA)
            IntBuffer ints = f.buffer().duplicate().order(ByteOrder.LITTLE_ENDIAN).asIntBuffer();
            pixels = new PixelBuffer<>(f.width(), f.height(), ints, PixelFormat.getIntArgbPreInstance());
            image = new WritableImage(pixels);
        }
        if (!dirty.getAndSet(false)) {
            return false;
        }
        pixels.updateBuffer(b -> null);
        shown++;
        return true;
    }

    @Override
    public Image image() {
        return image;
    }

    /**
     * The picture's own width / height. libvlc scales the picture to fill the buffer it proposed, whose size can
     * differ from the picture's (640×386 for 640×360), so the buffer is drawn at this aspect, not its own.
     */
    @Override
    public double aspect() {
        Rectangle2D v = visible;
        return v != null ? v.getWidth() / v.getHeight() : Playback.super.aspect();
    }

    /**
     * The tile shows the picture at {@code width × height} screen pixels: libvlc scales into a buffer of about that
     * size (never larger than the stream), so that neither it nor JavaFX handles pixels nobody sees. When the
     * tile grows or shrinks past half of that (maximised, restored), the stream restarts with a buffer to fit.
     */
    @Override
    public void fit(double width, double height) {
        if (width <= 0 || height <= 0) {
            return;
        }
        double was = fitWidth;
        fitWidth = width;
        fitHeight = height;
        Frame f = frame;
        if (f != null && f != refitFor && was > 0 && status.state() == State.PLAYING
                && (width > f.width() * 1.5 && f.width() < sourceWidth || width < f.width() / 1.5)) {
            refitFor = f; // once per buffer: the next attempt reads the new size anyway
            vlc.run(this::start);
        }
    }

    @Override
    public void hidden(boolean hide) {
        vlc.run(() -> {
            if (hide == hidden || closed) {
                return;
            }
            hidden = hide;
            if (player == null) {
                return;
            }
            if (hide) {
                // a network stream paused would pile up stale video in its socket (and stall a relay): stop it
                pausedByUs = url.startsWith("file:") && player.status().canPause();
                if (pausedByUs) {
                    player.controls().setPause(true);
                } else {
                    player.controls().stop(); // a live stream cannot pause: it starts afresh when shown
                }
            } else if (pausedByUs) {
                lastProgressNanos = System.nanoTime();
                player.controls().setPause(false);
            } else {
                start();
            }
        });
    }

    @Override
    public long decoded() {
        return decoded.sum();
    }

    @Override
    public long shown() {
        return shown;
    }

    @Override
    public long late() {
        return late;
    }

    @Override
    public void close() {
        closed = true;
        vlc.unwatch(this);
        // a pooled player keeps its surface, and so this playback, until it is borrowed again: let go of the buffers
        frame = null;
        bound = null;
        pixels = null;
        image = null;
        vlc.run(() -> {
            if (player != null) {
                player.events().removeMediaPlayerEventListener(events);
                player.controls().stop();
                vlc.giveBack(player);
                player = null;
            }
        });
    }

    /** libvlc thread: (re)starts the stream. */
    private void start() {
        if (closed || hidden) {
            return;
        }
        if (player == null) {
            player = vlc.borrow();
            player.videoSurface().set(surface);
            player.events().addMediaPlayerEventListener(events);
        } else {
            player.controls().stop();
        }
        long now = System.nanoTime();
        attemptNanos = now;
        retryAtNanos = 0;
        lastDecoded = -1;
        lastLost = 0; // a new attempt counts afresh
        lastProgressNanos = now;
        synchronized (lock) {
            if (status.state() == State.CONNECTING || status.state() == State.PLAYING) {
                status = new Status(State.CONNECTING, Instant.now(), null);
            }
        }
        current = false;
        if (!player.media().play(mrl, ":network-caching=300")) {
            failed(now);
        }
    }

    /** libvlc thread: the stream could not open, ended or failed; try again after a pause. */
    private void failed(long now) {
        if (closed) {
            return;
        }
        if (player != null) {
            player.controls().stop();
        }
        long delay = retry.nextDelayMs();
        retryAtNanos = now + TimeUnit.MILLISECONDS.toNanos(delay);
        Instant retryAt = Instant.now().plusMillis(delay);
        synchronized (lock) {
            Instant since = status.state() == State.NO_SIGNAL ? status.since() : Instant.now();
            status = new Status(State.NO_SIGNAL, since, retryAt);
        }
    }

    /**
     * libvlc thread, once a second: stalls, attempts that take too long, retries that are due. A stall is the
     * decoder's count of pictures standing still: libvlc keeps displaying the last picture of a frozen stream, and
     * the stream clock of some (MJPEG over HTTP) never moves at all, so neither frames nor clock tell.
     */
    void check(long now) {
        if (closed || hidden) {
            return;
        }
        State s = status.state();
        boolean attempting = retryAtNanos == 0;
        if (s == State.PLAYING && player != null) {
            if (player.media().info().statistics(stats)) {
                if (stats.decodedVideo() != lastDecoded) {
                    lastDecoded = stats.decodedVideo();
                    lastProgressNanos = now;
                }
                late += Math.max(0, stats.picturesLost() - lastLost);
                lastLost = stats.picturesLost();
            }
            if (visible == null) {
                Dimension d = player.video().videoDimension();
                if (d != null && d.width > 0 && d.height > 0) {
                    visible = new Rectangle2D(0, 0, d.width, d.height);
                }
            }
        }
        if (s == State.PLAYING && now - lastProgressNanos > TimeUnit.SECONDS.toNanos(STALL_S)) {
            synchronized (lock) {
                status = new Status(State.STALLED, Instant.now(), null);
            }
            start();
        } else if (s != State.PLAYING && attempting && now - attemptNanos > TimeUnit.SECONDS.toNanos(START_TIMEOUT_S)) {
            failed(now);
        } else if (s == State.NO_SIGNAL && !attempting && now >= retryAtNanos) {
            start();
        }
    }

    private final class Format implements BufferFormatCallback {
        @Override
        public BufferFormat getBufferFormat(int proposedWidth, int proposedHeight) {
            sourceWidth = proposedWidth;
            double scale = 1;
            if (fitWidth > 0 && fitHeight > 0) {
                scale = Math.min(1, Math.max(fitWidth / proposedWidth, fitHeight / proposedHeight));
            }
            formatWidth = Math.max(16, (int) Math.ceil(proposedWidth * scale));
            formatHeight = Math.max(16, (int) Math.ceil(proposedHeight * scale));
            return new RV32BufferFormat(formatWidth, formatHeight);
        }

        @Override
        public void newFormatSize(int bufferWidth, int bufferHeight, int displayWidth, int displayHeight) {
        }

        @Override
        public void allocatedBuffers(ByteBuffer[] buffers) {
            frame = new Frame(buffers[0], formatWidth, formatHeight);
        }
    }

    private final class Render implements RenderCallback {
        @Override
        public void lock(MediaPlayer mediaPlayer) {
        }

        @Override
        public void display(MediaPlayer mediaPlayer, ByteBuffer[] buffers, BufferFormat format, int displayWidth,
                            int displayHeight) {
            if (closed) {
                return;
            }
            decoded.increment();
            dirty.set(true);
            if (status.state() != State.PLAYING) {
                synchronized (lock) {
                    status = new Status(State.PLAYING, Instant.now(), null);
                }
                lastProgressNanos = System.nanoTime();
                retry.reset();
            }
        }

        @Override
        public void unlock(MediaPlayer mediaPlayer) {
        }
    }
}
