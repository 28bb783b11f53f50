package org.shanzhi.cockpit.hub;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.CRC32;

import io.javalin.http.Context;

/**
 * The field unit's phone page at {@code /field/}: its few small files, read from the classpath once and answered
 * from memory, no token to load them (the page asks for the unit's). Served as static files instead, they had the
 * web server mount the whole jar as zip file systems, each holding an index of its 22,000 entries in the heap.
 */
final class FieldPage {

    private static final Map<String, String> TYPES = Map.of(
            "index.html", "text/html; charset=utf-8",
            "app.js", "text/javascript; charset=utf-8",
            "style.css", "text/css; charset=utf-8",
            "alert.wav", "audio/x-wav",
            "roads.geojson", "application/geo+json");

    private record File(String type, byte[] bytes, String etag) {}

    private final Map<String, File> files;
    private final Map<String, String> headers;

    FieldPage(PeerOrigins origins) {
        Map<String, File> read = new HashMap<>();
        TYPES.forEach((name, type) -> read.put(name, read(name, type)));
        this.files = Map.copyOf(read);
        this.headers = headers(origins);
    }

    /** {@code /field} and {@code /field/}: the page itself. */
    void index(Context ctx) {
        answer(ctx, files.get("index.html"));
    }

    /** {@code /field/<file>}: one of the page's files, 404 for any other name. */
    void file(Context ctx) {
        File file = files.get(ctx.pathParam("file"));
        // the router ignores a trailing slash, but app.js/ is no file (and would break the page's relative paths)
        if (file == null || ctx.path().endsWith("/")) {
            ctx.status(404);
            return;
        }
        answer(ctx, file);
    }

    private void answer(Context ctx, File file) {
        headers.forEach(ctx::header);
        ctx.header("ETag", file.etag());
        ctx.contentType(file.type());
        if (file.etag().equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        ctx.result(file.bytes());
    }

    /**
     * The page runs with the unit's token in its storage: it loads nothing from elsewhere, talks only to this hub
     * and its peers, and no page frames it. {@code no-cache}: the phone asks again each time, the ETag spares the
     * bytes when nothing changed.
     */
    private static Map<String, String> headers(PeerOrigins origins) {
        return Map.of(
                "Cache-Control", "no-cache",
                "Content-Security-Policy", "default-src 'self'; img-src 'self' data: blob:; connect-src "
                        + origins.connectSources() + "; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
                "X-Content-Type-Options", "nosniff",
                "Referrer-Policy", "no-referrer");
    }

    private static File read(String name, String type) {
        try (InputStream in = FieldPage.class.getResourceAsStream("/field/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the field page's " + name + " is missing from the classpath");
            }
            byte[] bytes = in.readAllBytes();
            CRC32 crc = new CRC32();
            crc.update(bytes);
            return new File(type, bytes, "\"" + Long.toHexString(crc.getValue()) + "\"");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
