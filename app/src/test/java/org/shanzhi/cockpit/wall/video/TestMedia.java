package org.shanzhi.cockpit.wall.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * Real media for the video tests: a clip made by ffmpeg, and streams served on loopback by {@code cvlc} (as the
 * user nobody when run as root: VLC refuses root). Without VLC and ffmpeg the tests that need them are skipped,
 * unless {@code SHANZHI_REQUIRE_VLC=1} (CI), where they fail.
 */
public final class TestMedia {

    /**
     * How long a test waits for a stream, a tile or the hub's cameras to reach a state: decoding and software
     * rendering share two loaded cores with other builds, so this is generous; a state that comes is seen at once.
     */
    public static final Duration PATIENCE = Duration.ofSeconds(60);

    private static Path clip;

    private TestMedia() {
    }

    /** Skips (or, in CI, fails) when libvlc, cvlc or ffmpeg is missing. */
    public static void requireVlc() {
        boolean there = Libvlc.shared().available() && onPath("cvlc") && onPath("ffmpeg");
        if ("1".equals(System.getenv("SHANZHI_REQUIRE_VLC"))) {
            assertThat(there).as("libvlc, cvlc and ffmpeg are installed (SHANZHI_REQUIRE_VLC=1)").isTrue();
        }
        Assumptions.assumeTrue(there, "libvlc, cvlc and ffmpeg are not installed");
    }

    static boolean onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (new File(dir, name).canExecute()) {
                return true;
            }
        }
        return false;
    }

    /** A 6-second 640×360 clip at 25 fps (a key frame every second, so that live streams start fast). */
    public static synchronized Path clip() throws Exception {
        if (clip == null) {
            Path dir = Files.createTempDirectory("shanzhi-media", PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwxr-xr-x")));
            Path out = dir.resolve("clip.mp4");
            run("ffmpeg", "-loglevel", "error", "-y", "-f", "lavfi", "-i", "testsrc=size=640x360:rate=25", "-t", "6",
                    "-c:v", "libx264", "-pix_fmt", "yuv420p", "-g", "25", out.toString());
            Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-r--r--"));
            dir.toFile().deleteOnExit();
            out.toFile().deleteOnExit();
            clip = out;
        }
        return clip;
    }

    /** A 4-second clip of one colour (e.g. {@code red}), 320×180. */
    public static Path solid(String colour) throws Exception {
        Path out = clip().resolveSibling(colour + ".mp4");
        if (!Files.exists(out)) {
            run("ffmpeg", "-loglevel", "error", "-y", "-f", "lavfi", "-i", "color=c=" + colour + ":size=320x180:rate=25",
                    "-t", "4", "-c:v", "libx264", "-pix_fmt", "yuv420p", "-g", "25", out.toString());
            out.toFile().deleteOnExit();
        }
        return out;
    }

    /** The clip cut by ffmpeg into an HLS playlist ({@code index.m3u8}) and 2-second segments, in a folder. */
    public static Path hls() throws Exception {
        Path dir = clip().resolveSibling("hls");
        if (!Files.exists(dir.resolve("index.m3u8"))) {
            Files.createDirectories(dir);
            run("ffmpeg", "-loglevel", "error", "-y", "-i", clip().toString(), "-c", "copy", "-f", "hls",
                    "-hls_time", "2", "-hls_list_size", "0", dir.resolve("index.m3u8").toString());
        }
        return dir;
    }

    /** An HTTP server on loopback serving the files of {@code dir} at {@code /name}; stop it when done. */
    public static com.sun.net.httpserver.HttpServer serve(Path dir) throws IOException {
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            Path file = dir.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
            if (!file.startsWith(dir) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                byte[] body = Files.readAllBytes(file);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        return server;
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** {@code cvlc} looping the clip as MPEG-TS over HTTP at {@code http://127.0.0.1:port/c.ts}. */
    public static Streamer http(int port) throws Exception {
        return new Streamer("--loop", "#std{access=http,mux=ts,dst=127.0.0.1:" + port + "/c.ts}");
    }

    /**
     * {@code cvlc} repeating the clip as RTSP at {@code rtsp://127.0.0.1:port/c}, without a break: a looped input
     * would end the RTP session (an RTCP BYE, which ends ffmpeg) at each turn.
     */
    public static Streamer rtsp(int port) throws Exception {
        return new Streamer("--input-repeat=65535", "#rtp{sdp=rtsp://127.0.0.1:" + port + "/c}");
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).inheritIO().start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command)).isZero();
    }

    /** A running cvlc; it can be frozen (SIGSTOP: the connection stays, the frames stop) and thawed. */
    public static final class Streamer implements AutoCloseable {
        private final Process process;

        Streamer(String repeat, String sout) throws Exception {
            List<String> cmd = new ArrayList<>();
            if ("root".equals(System.getProperty("user.name"))) {
                cmd.addAll(List.of("runuser", "-u", "nobody", "--"));
            }
            cmd.addAll(List.of("cvlc", "-q", "--no-audio", clip().toString(), repeat, "--sout-keep", "--sout", sout));
            process = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        }

        public void freeze() throws Exception {
            signal("STOP");
        }

        public void thaw() throws Exception {
            signal("CONT");
        }

        /** Signals cvlc itself (under runuser it is a child of the process started here). */
        private void signal(String sig) throws Exception {
            List<Long> pids = new ArrayList<>();
            pids.add(process.pid());
            process.descendants().forEach(h -> pids.add(h.pid()));
            for (long pid : pids) {
                new ProcessBuilder("kill", "-" + sig, Long.toString(pid)).start().waitFor(5, TimeUnit.SECONDS);
            }
        }

        @Override
        public void close() throws Exception {
            thaw();
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
