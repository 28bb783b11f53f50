package org.shanzhi.cockpit.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

import org.shanzhi.cockpit.hub.Role;
import org.shanzhi.cockpit.json.Json;

/**
 * {@code hub.snapshot.month_*}: GET /api/v1/snapshot from a hub in its own JVM that has lived the shipped month and
 * the storm day to 20:00 ({@code hub --scenario heyi --hours-lived 14 --speed 60}, a fresh data directory), once the
 * lived hours are in. The first GET, then the GETs that find a newer seq than the one before (the scenario moves on
 * between them): p50 and p99; okhttp asks for gzip and unzips, as the wall's feed does. After each of those a GET that
 * does not ask for gzip ({@code month_plain_ms}, p50): what the plain bytes cost the caller instead.
 */
final class MonthSnapshotBench {

    private final boolean quick;

    MonthSnapshotBench(boolean quick) {
        this.quick = quick;
    }

    void run(Figures figures) throws Exception {
        OkHttpClient http = new OkHttpClient.Builder().readTimeout(60, TimeUnit.SECONDS).build();
        try (ChildHub hub = ChildHub.start(List.of("--scenario", "heyi", "--hours-lived", "14", "--speed", "60"))) {
            awaitLivedHoursIn(http, hub);
            Request get = new Request.Builder().url(hub.baseUrl() + "/api/v1/snapshot")
                    .header("Authorization", "Bearer " + hub.token(Role.VIEWER)).build();
            Request plainGet = get.newBuilder().header("Accept-Encoding", "identity").build();
            long[] seq = {-1};
            double first = timed(http, get, seq);
            int chars = 0;
            List<Double> cold = new ArrayList<>();
            List<Double> plain = new ArrayList<>();
            int runs = quick ? 5 : 60;
            while (cold.size() < runs) {
                Thread.sleep(500);
                long before = seq[0];
                double ms = timed(http, get, seq);
                if (seq[0] != before) {
                    cold.add(ms);
                    plain.add(timed(http, plainGet, new long[1]));
                }
            }
            double[] sorted = cold.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double[] plainSorted = plain.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            Figures.note("month snapshot: at seq {}, first GET {} ms, then {} GETs of a newer seq: {}; without gzip: {}",
                    seq[0], String.format("%.1f", first), sorted.length, Arrays.toString(sorted),
                    Arrays.toString(plainSorted));
            figures.put("hub.snapshot.month_first_ms", first, 1, "ms");
            figures.put("hub.snapshot.month_ms", Figures.median(sorted), 1, "ms");
            figures.put("hub.snapshot.month_p99_ms", sorted[(int) Math.ceil(0.99 * sorted.length) - 1], 1, "ms");
            figures.put("hub.snapshot.month_plain_ms", Figures.median(plainSorted), 1, "ms");
        } finally {
            http.connectionPool().evictAll();
        }
    }

    /** Ready comes before the day's lived hours are appended; they are in once the seq grows slowly. */
    private static void awaitLivedHoursIn(OkHttpClient http, ChildHub hub) throws Exception {
        Request health = new Request.Builder().url(hub.baseUrl() + "/api/v1/health").build();
        long last = -1;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            long seq;
            try (Response r = http.newCall(health).execute()) {
                seq = Json.readTree(r.body().bytes()).get("seq").asLong();
            }
            if (last >= 0 && seq - last < 200) {
                return;
            }
            last = seq;
            Thread.sleep(1000);
        }
        throw new IllegalStateException("the hub's lived hours were not in within 3 minutes");
    }

    /** One GET, its time in ms; its seq into {@code seq[0]}. */
    private static double timed(OkHttpClient http, Request get, long[] seq) throws Exception {
        long t0 = System.nanoTime();
        byte[] body;
        try (Response r = http.newCall(get).execute()) {
            body = r.body().bytes();
            if (r.code() != 200) {
                throw new IllegalStateException("snapshot answered " + r.code());
            }
        }
        double ms = (System.nanoTime() - t0) / 1e6;
        // the seq is the first field: {"seq":N,"situation":...}
        String head = new String(body, 0, Math.min(40, body.length), StandardCharsets.US_ASCII);
        seq[0] = Long.parseLong(head.substring(head.indexOf(':') + 1, head.indexOf(',')));
        return ms;
    }
}
