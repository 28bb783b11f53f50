package org.shanzhi.cockpit.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import org.shanzhi.cockpit.domain.debrief.Action;
import org.shanzhi.cockpit.domain.debrief.Debrief;
import org.shanzhi.cockpit.hub.drill.DrillDebriefs;
import org.shanzhi.cockpit.hub.drill.DrillScripts;
import org.shanzhi.cockpit.hub.drill.ShippedDrills;
import org.shanzhi.cockpit.hub.sim.HeyiScenario;
import org.shanzhi.cockpit.json.Json;
import org.shanzhi.cockpit.recording.Recording;
import org.shanzhi.cockpit.report.DebriefHtml;

/**
 * {@code drill run}: a drill on a running hub from the command line, through the drill API. The script is checked
 * here first (a file) or named among the hub's shipped drills; it is loaded and started, each inject is printed as
 * it fires with what the trainees are expected to do, and at its end each expected action met or missed, judged
 * as the debrief does on the drill's recording. Ctrl-C stops the drill on the hub.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a drill on a running hub: load FILE (checked here first) or the shipped drill NAME,"
                + " start it, print each inject as it fires, and at the end each expected action met or missed.",
            "Exits 0 when the drill ends; Ctrl-C stops the drill on the hub first. 1 when the hub refuses (a drill"
                    + " already running, a bad token, script errors as FILE:LINE:COLUMN) or does not answer."})
final class DrillRunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE|NAME", description = "a drill script (YAML) or a shipped drill's name (storm-530)")
    String script;

    @Mixin
    HubClient.Options hub = new HubClient.Options();

    @Option(names = "--report", paramLabel = "FILE", description = "also write the debrief of the run as HTML")
    Path report;

    @Option(names = "--poll-ms", defaultValue = "500", hidden = true, description = "how often the drill's state is read")
    long pollMs;

    private PrintWriter out;
    private PrintWriter err;

    @Override
    public Integer call() throws Exception {
        try (Logs.Quiet quiet = Logs.warningsOnly()) {
            return run();
        }
    }

    private Integer run() throws Exception {
        out = spec.commandLine().getOut();
        err = spec.commandLine().getErr();
        Path file = Path.of(script);
        String text;
        String body;
        if (Files.isRegularFile(file)) {
            DrillScripts.Checked checked = DrillScripts.check(file, HeyiScenario.loadDefault());
            if (checked instanceof DrillScripts.Refused refused) {
                return refused(String.join("\n", refused.errors().stream().map(Object::toString).toList()));
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
            body = Json.write(Map.of("script", text, "file", file.getFileName().toString()));
        } else if (ShippedDrills.NAME.matcher(script).matches()) {
            text = ShippedDrills.text(script);
            body = Json.write(Map.of("name", script));
        } else {
            return refused(script + ": no such file, nor the name of a shipped drill (storm-530, waterlogging-underpass,"
                    + " crowd-gathering)");
        }
        try {
            HubClient client = hub.client();
            JsonNode loaded = client.post("/api/v1/drill", body);
            String id = loaded.path("id").asText();
            say("drill " + id + " loaded on " + client.base() + ": " + loaded.path("name").asText() + " ("
                    + loaded.path("injects").size() + " injects)");
            Thread stopOnCtrlC = new Thread(() -> stop(client, id), "drill-stop");
            Runtime.getRuntime().addShutdownHook(stopOnCtrlC);
            JsonNode end;
            try {
                JsonNode started = client.post("/api/v1/drill/start", "");
                say("started at " + started.path("startedAt").asText() + "; Ctrl-C stops the drill on the hub");
                end = follow(client, id, started);
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(stopOnCtrlC);
                } catch (IllegalStateException shuttingDown) {
                    // Ctrl-C: the hook is stopping the drill
                }
            }
            say("drill " + id + " " + end.path("state").asText() + " at " + clock(end));
            debrief(client, id, end, text);
            return 0;
        } catch (HubClient.Refused e) {
            return refused(e.getMessage());
        }
    }

    /** Prints what changes in the drill's state until it has ended; its last state. */
    private JsonNode follow(HubClient client, String id, JsonNode status) throws InterruptedException {
        Set<String> fired = new HashSet<>();
        String state = "";
        int dropped = 0;
        while (true) {
            if (!status.path("id").asText().equals(id)) {
                say("another drill was loaded on the hub (" + status.path("id").asText() + "): this one has ended");
                return status;
            }
            for (JsonNode in : status.path("injects")) {
                if (in.path("fired").asBoolean() && fired.add(in.path("id").asText())) {
                    say(clock(status) + " inject " + in.path("id").asText() + " fired: " + in.path("title").asText());
                    for (JsonNode x : in.path("expect")) {
                        say("           expected within " + minutes(x.path("withinSeconds").asLong()) + ": "
                                + expected(x.path("text").asText(""), x.path("action").asText()));
                    }
                }
            }
            if (status.path("dropped").asInt() > dropped) {
                dropped = status.path("dropped").asInt();
                say(clock(status) + " not applied (the situation no longer allows it): "
                        + status.path("lastDropped").asText());
            }
            String now = status.path("state").asText();
            if (now.equals("finished") || now.equals("stopped")) {
                return status;
            }
            if (!now.equals(state) && !state.isEmpty()) {
                say(clock(status) + " " + now);
            }
            state = now;
            Thread.sleep(pollMs);
            status = client.get("/api/v1/drill");
        }
    }

    /** Each expected action met or missed, judged as the debrief does on the drill's recording. */
    private void debrief(HubClient client, String id, JsonNode end, String text) throws IOException {
        DrillScripts.Checked checked = text == null ? null : DrillScripts.check(script, text, HeyiScenario.loadDefault());
        if (!(checked instanceof DrillScripts.Good good)) {
            say("(the expected actions are not judged here: the script " + script + " is not readable on this side)");
            return;
        }
        Instant from = Instant.parse(end.path("startedAt").asText());
        Instant to = lastEventTime(client);
        Path tmp = Files.createTempFile("drill-", ".recording");
        try {
            client.recording(from, to, tmp);
            Debrief d = DrillDebriefs.of(Recording.read(tmp), good.script(), id);
            say("expected actions (as far as the hub's journal shows now):");
            for (Debrief.ActionResult a : d.actions()) {
                String took = a.took() == null ? "" : " in " + minutes(a.took().toSeconds());
                String count = a.of() > 1 ? " (" + a.inTime() + " of " + a.of() + " in time)" : "";
                Instant limit = a.expected().from() == null ? null : a.expected().from().plus(a.expected().within());
                String outcome = a.outcome() == Debrief.Outcome.MISSED && limit != null && limit.isAfter(to)
                        ? "open (not done yet; its time runs to " + limit + ")"
                        : a.outcome().name().toLowerCase(Locale.ROOT) + " " + a.outcome().zh;
                say("  " + a.expected().injectId() + " — "
                        + expected(a.expected().text(), a.expected().action().name()) + " (within "
                        + minutes(a.expected().within().toSeconds()) + "): " + outcome + took + count);
            }
            if (report != null) {
                Files.writeString(report, DebriefHtml.render(d), StandardCharsets.UTF_8);
                say("debrief written to " + report);
            }
        } catch (Recording.Unreadable e) {
            say("(the drill's recording could not be read: " + e.getMessage() + ")");
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The time of the hub's last event: the end of what has happened so far, on the hub's clock. */
    static Instant lastEventTime(HubClient client) {
        long head = client.get("/api/v1/events?limit=1").path("head").asLong();
        JsonNode last = client.get("/api/v1/events?limit=1&since=" + Math.max(0, head - 1)).path("events");
        return last.isEmpty() ? Instant.EPOCH : Instant.parse(last.get(0).path("time").asText());
    }

    private void stop(HubClient client, String id) {
        try {
            JsonNode s = client.get("/api/v1/drill");
            if (s.path("id").asText().equals(id) && Set.of("running", "paused").contains(s.path("state").asText())) {
                client.post("/api/v1/drill/stop", "");
                say("drill " + id + " stopped on the hub");
            }
        } catch (HubClient.Refused e) {
            err.println("could not stop drill " + id + ": " + e.getMessage());
            err.flush();
        }
    }

    private int refused(String message) {
        err.println(message);
        err.flush();
        return 1;
    }

    private void say(String line) {
        out.println(line);
        out.flush();
    }

    /** The expected action as the script says it, else what it is: 确认告警 (alertConfirmed). */
    static String expected(String text, String action) {
        if (text != null && !text.isBlank()) {
            return text;
        }
        try {
            return Action.valueOf(action).zh + " (" + action + ")";
        } catch (IllegalArgumentException unknown) {
            return action;
        }
    }

    /** The drill clock as +H:MM:SS. */
    private static String clock(JsonNode status) {
        long s = status.path("clockSeconds").asLong();
        return String.format("+%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }

    private static String minutes(long seconds) {
        Duration d = Duration.ofSeconds(seconds);
        return d.toSecondsPart() == 0 ? d.toMinutes() + " min" : d.toMinutes() + " min " + d.toSecondsPart() + " s";
    }
}
