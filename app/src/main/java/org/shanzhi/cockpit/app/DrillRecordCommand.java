package org.shanzhi.cockpit.app;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import org.shanzhi.cockpit.recording.Recording;

/**
 * {@code drill record}: a drill's range of a running hub's journal as one recording file, through
 * {@code GET /api/v1/recording}. The range is found in the journal: from the drill's {@code DrillStarted} to its
 * {@code DrillEnded}, and on for {@code --after} so that the trainees' answers to the last injects are in it.
 */
@Command(name = "record", mixinStandardHelpOptions = true,
        description = {"Write a drill's range of a running hub's journal as a recording file: from its start to its end"
                + " and --after minutes more (the trainees' answers to the last injects).",
            "--drill ID names the drill (YL-…); without it, the hub's last loaded drill."})
final class DrillRecordCommand implements Callable<Integer> {

    /** The drill id is its load time on the hub's clock (UTC): the drill starts at or after it. */
    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("'YL-'yyyyMMdd'T'HHmmss");
    private static final int PAGE = 10_000;

    @Spec
    CommandSpec spec;

    @Mixin
    HubClient.Options hub = new HubClient.Options();

    @Option(names = "--drill", paramLabel = "ID", description = "the drill's id (YL-…); default: the hub's last loaded drill")
    String drillId;

    @Option(names = "--after", paramLabel = "MINUTES", defaultValue = "60",
            description = "minutes after the drill's end to keep (default: ${DEFAULT-VALUE})")
    long afterMinutes;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "the recording file to write")
    Path out;

    /** A drill's start and end on the hub's clock; {@code end} null while it runs. */
    record Range(Instant start, Instant end) {
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        try {
            HubClient client = hub.client();
            String id = drillId != null ? drillId : client.get("/api/v1/drill").path("id").asText();
            Instant loaded;
            try {
                loaded = LocalDateTime.parse(id, ID).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                err.println("--drill: " + id + " is not a drill id (YL-yyyyMMddTHHmmss)");
                err.flush();
                return 1;
            }
            Range r = range(client, id, loaded);
            if (r == null) {
                err.println("the hub's journal holds no drill " + id);
                err.flush();
                return 1;
            }
            Instant to = r.end() != null ? r.end().plus(Duration.ofMinutes(afterMinutes))
                    : DrillRunCommand.lastEventTime(client);
            client.recording(r.start(), to, out);
            Recording.Header h = Recording.read(out).header();
            PrintWriter o = spec.commandLine().getOut();
            o.println(out + ": drill " + id + (r.end() == null ? " (still running: up to its last event so far)" : "")
                    + ", " + RecordingCommand.summary(h));
            o.flush();
            return 0;
        } catch (HubClient.Refused e) {
            err.println(e.status == 404 && drillId == null ? "no drill was loaded on the hub since it started:"
                    + " name one with --drill ID" : e.getMessage());
            err.flush();
            return 1;
        } catch (Recording.Unreadable e) {
            Files.deleteIfExists(out);
            err.println("the hub's recording could not be read (" + e.getMessage() + "); nothing written");
            err.flush();
            return 1;
        }
    }

    /**
     * The drill's start and end in the journal, or null: the first event at or after its load time is found by
     * halving the seqs, then the journal is read on from a minute before it. The times follow the seqs but for what a
     * hub appends while it catches up at its first start (the month, the morning), which may come after a drill
     * started early: if the drill's start is not found that way, the whole journal is read.
     */
    private static Range range(HubClient client, String id, Instant loaded) {
        long head = client.get("/api/v1/events?limit=1").path("head").asLong();
        long lo = 0;
        long hi = head;
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            Instant t = Instant.parse(client.get("/api/v1/events?limit=1&since=" + mid).path("events").get(0)
                    .path("time").asText());
            if (t.isBefore(loaded.minusSeconds(60))) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        Range found = scan(client, id, lo);
        return found != null || lo == 0 ? found : scan(client, id, 0);
    }

    /** The drill's start and end found reading the journal on from {@code from}; null if its start is not there. */
    private static Range scan(HubClient client, String id, long from) {
        Instant start = null;
        for (long since = from; ; ) {
            JsonNode events = client.get("/api/v1/events?limit=" + PAGE + "&since=" + since).path("events");
            if (events.isEmpty()) {
                return start == null ? null : new Range(start, null);
            }
            for (JsonNode e : events) {
                since = e.path("seq").asLong();
                if (!id.equals(e.path("drill").asText())) {
                    continue;
                }
                String type = e.path("type").asText();
                if (type.equals("DrillStarted")) {
                    start = Instant.parse(e.path("time").asText());
                } else if (type.equals("DrillEnded") && start != null) {
                    return new Range(start, Instant.parse(e.path("time").asText()));
                }
            }
        }
    }
}
