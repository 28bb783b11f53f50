package org.shanzhi.cockpit.hub;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;

import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The field page's files over plain HTTP: their bytes, types and headers, revalidation, and nothing else under /field. */
class FieldPageTest {

    static final Map<String, String> FILES = Map.of(
            "index.html", "text/html; charset=utf-8",
            "app.js", "text/javascript; charset=utf-8",
            "style.css", "text/css; charset=utf-8",
            "alert.wav", "audio/x-wav",
            "roads.geojson", "application/geo+json");

    @TempDir
    static Path data;
    static TestHub hub;

    @BeforeAll
    static void start() {
        hub = new TestHub(data);
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void eachFileIsServedWithItsTypeAndThePagesHeaders() throws Exception {
        for (Map.Entry<String, String> file : FILES.entrySet()) {
            try (Response r = get("/field/" + file.getKey(), null)) {
                assertThat(r.code()).as(file.getKey()).isEqualTo(200);
                assertThat(r.header("Content-Type").replace(" ", "")).as(file.getKey())
                        .isEqualTo(file.getValue().replace(" ", ""));
                assertThat(r.body().bytes()).as(file.getKey()).isEqualTo(resource(file.getKey()));
                assertPageHeaders(r);
                assertThat(r.header("ETag")).as(file.getKey()).isNotBlank();
            }
        }
    }

    @Test
    void theBarePathIsThePage() throws Exception {
        for (String path : new String[] {"/field", "/field/"}) {
            try (Response r = get(path, null)) {
                assertThat(r.code()).as(path).isEqualTo(200);
                assertThat(r.header("Content-Type").replace(" ", "")).isEqualTo("text/html;charset=utf-8");
                assertThat(r.body().bytes()).isEqualTo(resource("index.html"));
                assertPageHeaders(r);
            }
        }
    }

    @Test
    void anUnchangedFileIsNotSentAgain() throws Exception {
        String etag;
        try (Response r = get("/field/app.js", null)) {
            etag = r.header("ETag");
        }
        try (Response r = get("/field/app.js", etag)) {
            assertThat(r.code()).isEqualTo(304);
            assertThat(r.body().bytes()).isEmpty();
            assertThat(r.header("ETag")).isEqualTo(etag);
            assertPageHeaders(r);
        }
        try (Response r = get("/field/app.js", "\"another\"")) {
            assertThat(r.code()).isEqualTo(200);
        }
    }

    @Test
    void nothingElseUnderTheFieldPath() throws Exception {
        for (String path : new String[] {"/field/nope.js", "/field/index.html/", "/field/js/app.js", "/field/tokens.json",
                "/field/HubServer.class", "/FIELD/index.html"}) {
            try (Response r = get(path, null)) {
                assertThat(r.code()).as(path).isEqualTo(404);
                assertThat(r.body().string()).as(path).contains("not_found");
            }
        }
    }

    private static void assertPageHeaders(Response r) {
        assertThat(r.header("Cache-Control")).isEqualTo("no-cache");
        assertThat(r.header("Content-Security-Policy")).startsWith("default-src 'self';").contains("frame-ancestors 'none'");
        assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(r.header("Referrer-Policy")).isEqualTo("no-referrer");
    }

    private static Response get(String path, String ifNoneMatch) throws Exception {
        Request.Builder b = new Request.Builder().url(hub.runtime.baseUrl() + path);
        if (ifNoneMatch != null) {
            b.header("If-None-Match", ifNoneMatch);
        }
        return TestHub.HTTP.newCall(b.build()).execute();
    }

    private static byte[] resource(String name) throws Exception {
        try (InputStream in = FieldPageTest.class.getResourceAsStream("/field/" + name)) {
            return in.readAllBytes();
        }
    }
}
