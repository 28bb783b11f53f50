package org.shanzhi.cockpit.hub;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;

import io.javalin.http.Context;

import org.shanzhi.cockpit.json.Json;

import static org.shanzhi.cockpit.hub.Answers.json;

/**
 * Photos a unit takes with its report: JPEG or PNG (told by their first bytes, whatever the
 * request claims), at most {@link #MAX_BYTES}, kept under {@code <data>/photos/} by the hash of
 * their content, so that the same photo sent twice from a flaky phone is kept once under one id.
 */
final class Photos {

    static final int MAX_BYTES = 10 << 20;
    private static final Pattern ID = Pattern.compile("PH-[0-9a-f]{32}");
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private final Path dir;

    Photos(Path dir) {
        this.dir = dir;
    }

    /** Reads the raw body (its length checked as it is read), checks it is an image, stores it: 201 {"id"}. */
    void upload(Context ctx) throws IOException {
        String type = ctx.contentType() == null ? "" : ctx.contentType().split(";")[0].trim();
        if (!type.equals("image/jpeg") && !type.equals("image/png")) {
            throw new BadRequest(415, "Content-Type", "a photo is sent as image/jpeg or image/png, not '" + type + "'");
        }
        byte[] bytes;
        try (InputStream in = ctx.req().getInputStream()) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        }
        if (bytes.length > MAX_BYTES) {
            throw tooBig();
        }
        String ext = startsWith(bytes, JPEG) ? "jpg" : startsWith(bytes, PNG) ? "png" : null;
        if (ext == null) {
            throw new BadRequest(415, "body", "the body is not a JPEG or PNG image");
        }
        String id = "PH-" + HexFormat.of().formatHex(sha256(bytes), 0, 16);
        Path file = dir.resolve(id + "." + ext);
        if (!Files.exists(file)) {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, id, ".tmp");
            Files.write(tmp, bytes);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        json(ctx, 201, Json.write(Map.of("id", id)));
    }

    static BadRequest tooBig() {
        return new BadRequest(413, "body", "a photo may be at most " + MAX_BYTES / (1 << 20) + " MB; make it smaller");
    }

    void download(Context ctx) throws IOException {
        String id = ctx.pathParam("id");
        Path file = fileOf(id);
        if (file == null) {
            throw new BadRequest(404, "id", "no photo with id " + id);
        }
        ctx.status(200).contentType(file.toString().endsWith(".png") ? "image/png" : "image/jpeg")
                .header("Cache-Control", "private, max-age=86400").result(Files.readAllBytes(file));
    }

    boolean stored(String id) {
        return fileOf(id) != null;
    }

    private Path fileOf(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            return null;
        }
        for (String ext : new String[] {"jpg", "png"}) {
            Path f = dir.resolve(id + "." + ext);
            if (Files.isRegularFile(f)) {
                return f;
            }
        }
        return null;
    }

    private static boolean startsWith(byte[] bytes, byte[] magic) {
        return bytes.length >= magic.length && Arrays.equals(bytes, 0, magic.length, magic, 0, magic.length);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
