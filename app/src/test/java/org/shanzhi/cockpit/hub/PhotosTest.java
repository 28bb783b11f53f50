package org.shanzhi.cockpit.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.shanzhi.cockpit.domain.Fixtures;

/** A unit's report photos: images only, at most 10 MB, each refusal naming its field; the report's note is kept without them. */
class PhotosTest {

    @TempDir
    Path data;
    TestHub hub;
    String unit;
    String order;

    @BeforeEach
    void start() {
        hub = new TestHub(data);
        assertThat(hub.ingest(Fixtures.inventory()).status()).isEqualTo(200);
        String incident = hub.post("/api/v1/incidents", Role.OPERATOR, "{\"title\":\"井盖缺失\",\"category\":\"道路设施\","
                + "\"at\":{\"lon\":116.38,\"lat\":39.815}}", "open").json().get("events").get(0).get("payload")
                .get("incidentId").asText();
        order = hub.post("/api/v1/incidents/" + incident + "/orders", Role.OPERATOR, "{\"unitId\":\"U-1\"}", "o")
                .json().get("events").get(0).get("payload").get("orderId").asText();
        unit = hub.unitToken("U-1");
        int step = 0;
        for (String state : List.of("ACCEPTED", "EN_ROUTE", "ON_SITE", "WORKING")) {
            assertThat(advance("{\"state\":\"" + state + "\"}", "s-" + step++).status()).isEqualTo(200);
        }
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    private TestHub.Reply advance(String body, String key) {
        return hub.call("POST", "/api/v1/orders/" + order + "/advance", unit, body, key);
    }

    private TestHub.Reply upload(byte[] body, String type) {
        return TestHub.call(new Request.Builder().url(hub.runtime.baseUrl() + "/api/v1/photos")
                .header("Authorization", "Bearer " + unit)
                .post(RequestBody.create(body, MediaType.get(type))).build());
    }

    /** A body sent in chunks, its length not told. */
    private static RequestBody chunked(byte[] bytes) {
        return new RequestBody() {
            @Override
            public MediaType contentType() {
                return MediaType.get("image/jpeg");
            }

            @Override
            public long contentLength() {
                return -1;
            }

            @Override
            public void writeTo(okio.BufferedSink sink) throws java.io.IOException {
                sink.write(bytes);
            }
        };
    }

    private static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    @Test
    void aPhotoIsKeptOnceAndTheReportCarriesIt() throws Exception {
        byte[] png = png();
        TestHub.Reply up = upload(png, "image/png");
        assertThat(up.status()).isEqualTo(201);
        String id = up.json().get("id").asText();
        assertThat(upload(png, "image/png").json().get("id").asText()).as("the same photo again").isEqualTo(id);
        try (var files = Files.list(data.resolve("photos"))) {
            assertThat(files.map(f -> f.getFileName().toString()).toList()).containsExactly(id + ".png");
        }
        try (Response r = TestHub.HTTP.newCall(new Request.Builder().url(hub.runtime.baseUrl() + "/api/v1/photos/" + id)
                .header("Authorization", "Bearer " + hub.token(Role.VIEWER)).build()).execute()) {
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.header("Content-Type")).isEqualTo("image/png");
            assertThat(r.body().bytes()).isEqualTo(png);
        }
        assertThat(hub.get("/api/v1/photos/PH-00000000000000000000000000000000", Role.VIEWER).status()).isEqualTo(404);
        assertThat(hub.get("/api/v1/photos/..%2Ftokens.json", Role.VIEWER).status()).isEqualTo(404);

        assertThat(advance("{\"state\":\"REPORTED\",\"note\":\"已补装\",\"photos\":[\"" + id + "\"]}", "r").status())
                .isEqualTo(200);
        JsonNode o = hub.get("/api/v1/orders/" + order, Role.VIEWER).json();
        assertThat(o.get("photos").get(0).asText()).isEqualTo(id);
    }

    @Test
    void aFileThatIsNotAnImageOrTooBigIsRefusedAndTheNoteIsStillSaved() {
        TestHub.Reply text = upload("not a photo".getBytes(), "image/jpeg");
        assertThat(text.status()).isEqualTo(415);
        assertThat(text.json().get("field").asText()).isEqualTo("body");
        assertThat(text.json().get("message").asText()).contains("JPEG or PNG");
        TestHub.Reply wrongType = upload(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0}, "application/pdf");
        assertThat(wrongType.status()).isEqualTo(415);
        assertThat(wrongType.json().get("field").asText()).isEqualTo("Content-Type");
        byte[] big = new byte[Photos.MAX_BYTES + 1];
        Arrays.fill(big, (byte) 1);
        big[0] = (byte) 0xFF;
        big[1] = (byte) 0xD8;
        big[2] = (byte) 0xFF;
        TestHub.Reply tooBig = upload(big, "image/jpeg");
        assertThat(tooBig.status()).isEqualTo(413);
        assertThat(tooBig.json().get("field").asText()).isEqualTo("body");
        assertThat(tooBig.json().get("message").asText()).contains("10 MB");

        TestHub.Reply chunked = TestHub.call(new Request.Builder().url(hub.runtime.baseUrl() + "/api/v1/photos")
                .header("Authorization", "Bearer " + unit).post(chunked(big)).build());
        assertThat(chunked.status()).as("a body without its length is counted as it is read").isEqualTo(413);
        TestHub.Reply fits = TestHub.call(new Request.Builder().url(hub.runtime.baseUrl() + "/api/v1/photos")
                .header("Authorization", "Bearer " + unit).post(chunked(Arrays.copyOf(big, 3 << 20))).build());
        assertThat(fits.status()).as("3 MB without its length").isEqualTo(201);

        TestHub.Reply unknown = advance("{\"state\":\"REPORTED\",\"note\":\"已补装\",\"photos\":[\"PH-1\"]}", "r-0");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().get("field").asText()).isEqualTo("photos[0]");
        TestHub.Reply hostile = advance("{\"state\":\"REPORTED\",\"note\":\"已补装\",\"photos\":[\"../x\"]}", "r-1");
        assertThat(hostile.status()).isEqualTo(400);
        assertThat(hostile.json().get("field").asText()).isEqualTo("body.photos[0]");

        assertThat(advance("{\"state\":\"REPORTED\",\"note\":\"已补装，照片未能上传\"}", "r-2").status()).isEqualTo(200);
        JsonNode o = hub.get("/api/v1/orders/" + order, Role.VIEWER).json();
        assertThat(o.get("note").asText()).isEqualTo("已补装，照片未能上传");
        assertThat(o.get("photos")).isEmpty();
    }
}
