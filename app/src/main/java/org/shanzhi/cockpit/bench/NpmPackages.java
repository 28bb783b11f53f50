package org.shanzhi.cockpit.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.zip.GZIPInputStream;

/**
 * Third-party JavaScript for the map benchmark's WebView side, fetched from the npm registry when first needed and
 * kept in a cache folder (never in the repository): the package tarball is downloaded once and its files written
 * under {@code <cache>/<name>-<version>/}.
 */
final class NpmPackages {

    private final Path cache;

    NpmPackages(Path cache) {
        this.cache = cache;
    }

    /** The folder holding the package's files ({@code package/…} as in the tarball), downloading it if absent. */
    Path get(String name, String version) throws IOException, InterruptedException {
        Path dir = cache.resolve(name + "-" + version);
        if (Files.isDirectory(dir.resolve("package"))) {
            return dir;
        }
        String file = name.substring(name.lastIndexOf('/') + 1) + "-" + version + ".tgz";
        URI url = URI.create("https://registry.npmjs.org/" + name + "/-/" + file);
        Figures.note("map bench: downloading {}", url);
        HttpResponse<InputStream> r = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(10)).build()
                .send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(60)).build(),
                        HttpResponse.BodyHandlers.ofInputStream());
        if (r.statusCode() != 200) {
            r.body().close();
            throw new IOException(url + " answered HTTP " + r.statusCode());
        }
        Path partial = Files.createDirectories(cache).resolve(name + "-" + version + ".partial");
        TempDirs.delete(partial);
        try (InputStream in = new GZIPInputStream(r.body())) {
            untar(in, partial);
        }
        Files.move(partial, dir, StandardCopyOption.ATOMIC_MOVE);
        return dir;
    }

    /** Plain files of a ustar stream; links and other entries are skipped, paths leaving {@code into} refused. */
    static void untar(InputStream in, Path into) throws IOException {
        byte[] header = new byte[512];
        while (in.readNBytes(header, 0, 512) == 512) {
            String name = field(header, 0, 100);
            if (name.isEmpty()) {
                return; // the end: blocks of zeros
            }
            String prefix = field(header, 345, 155);
            if (!prefix.isEmpty()) {
                name = prefix + "/" + name;
            }
            String octal = field(header, 124, 12).trim();
            long size = octal.isEmpty() ? 0 : Long.parseLong(octal, 8);
            byte type = header[156];
            byte[] body = in.readNBytes((int) size);
            in.readNBytes((int) ((512 - size % 512) % 512));
            Path target = into.resolve(name).normalize();
            if (!target.startsWith(into)) {
                throw new IOException("tar entry outside its folder: " + name);
            }
            if (type == '0' || type == 0) {
                Files.createDirectories(target.getParent());
                Files.write(target, body);
            }
        }
    }

    private static String field(byte[] header, int from, int length) {
        int end = from;
        while (end < from + length && header[end] != 0) {
            end++;
        }
        return new String(header, from, end - from, StandardCharsets.UTF_8);
    }
}
