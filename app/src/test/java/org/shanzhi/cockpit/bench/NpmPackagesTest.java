package org.shanzhi.cockpit.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The map benchmark unpacks npm tarballs itself: plain files where they belong, nothing outside its folder. */
class NpmPackagesTest {

    @TempDir
    Path dir;

    /** A ustar entry: header (name, octal size, type) and the content padded to 512 bytes. */
    static void entry(ByteArrayOutputStream tar, String name, char type, String content) throws IOException {
        byte[] body = content.getBytes(StandardCharsets.UTF_8);
        byte[] header = new byte[512];
        System.arraycopy(name.getBytes(StandardCharsets.UTF_8), 0, header, 0, name.length());
        byte[] size = String.format("%011o", body.length).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(size, 0, header, 124, size.length);
        header[156] = (byte) type;
        tar.write(header);
        tar.write(body);
        tar.write(new byte[(512 - body.length % 512) % 512]);
    }

    @Test
    void writesThePlainFilesAndSkipsTheRest() throws Exception {
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        entry(tar, "package/dist/", '5', "");
        entry(tar, "package/dist/leaflet.js", '0', "window.L = {};\n".repeat(100));
        entry(tar, "package/link", '2', "");
        entry(tar, "package/package.json", '0', "{\"name\":\"leaflet\"}");
        tar.write(new byte[1024]);
        NpmPackages.untar(new ByteArrayInputStream(tar.toByteArray()), dir);
        assertThat(Files.readString(dir.resolve("package/dist/leaflet.js"))).isEqualTo("window.L = {};\n".repeat(100));
        assertThat(Files.readString(dir.resolve("package/package.json"))).isEqualTo("{\"name\":\"leaflet\"}");
        assertThat(dir.resolve("package/link")).doesNotExist();
    }

    @Test
    void refusesAnEntryOutsideItsFolder() throws Exception {
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        entry(tar, "package/../../evil.js", '0', "x");
        assertThatThrownBy(() -> NpmPackages.untar(new ByteArrayInputStream(tar.toByteArray()), dir.resolve("in")))
                .isInstanceOf(IOException.class).hasMessageContaining("package/../../evil.js");
        assertThat(dir.resolve("evil.js")).doesNotExist();
    }
}
