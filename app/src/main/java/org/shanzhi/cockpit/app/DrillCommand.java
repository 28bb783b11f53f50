package org.shanzhi.cockpit.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import org.shanzhi.cockpit.domain.Rejection;
import org.shanzhi.cockpit.domain.debrief.Debrief;
import org.shanzhi.cockpit.hub.Journal;
import org.shanzhi.cockpit.hub.RecordingExport;
import org.shanzhi.cockpit.hub.drill.DrillDebriefs;
import org.shanzhi.cockpit.hub.drill.DrillScript;
import org.shanzhi.cockpit.hub.drill.DrillScripts;
import org.shanzhi.cockpit.hub.sim.HeyiScenario;
import org.shanzhi.cockpit.recording.Recording;
import org.shanzhi.cockpit.report.DebriefHtml;

/**
 * Drill scripts from the command line: check one before it is loaded on a hub; run it on a hub and record its range
 * ({@link DrillRunCommand}, {@link DrillRecordCommand}); the debrief report of a run.
 */
@Command(name = "drill", mixinStandardHelpOptions = true,
        description = {"Work with drill scripts (assets/drills/README.md).",
            "check FILE...: read each script and check it against the schema and the Heyi inventory; print"
                    + " FILE:LINE:COLUMN field: reason for each error, or the file's one-line summary; exit 1 if any"
                    + " file has an error.",
            "run FILE|NAME [--hub URL] [--token T | --token-file F]: load and start a drill on a running hub, print each"
                    + " inject as it fires and at the end each expected action met or missed; Ctrl-C stops it.",
            "record [--drill ID] --out FILE: a drill's range of a running hub's journal as a recording file.",
            "report --recording FILE [--script FILE] --out FILE (or --data DIR --from T --to T instead of --recording):"
                    + " the debrief of a drill or of any range as one HTML page: expected actions met or missed, each"
                    + " case's steps with p50/p90 against targets, units, restoration curves, 12345 orders, a rating"
                    + " per objective."},
        subcommands = {DrillCommand.Check.class, DrillRunCommand.class, DrillRecordCommand.class,
            DrillCommand.Report.class})
final class DrillCommand {

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Check drill scripts: every error as FILE:LINE:COLUMN field: reason, or each good file's"
                    + " summary; exit 1 if any file has an error.")
    static final class Check implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "FILE", description = "the drill scripts (YAML)")
        List<Path> files;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            HeyiScenario heyi = HeyiScenario.loadDefault();
            int exit = 0;
            for (Path file : files) {
                DrillScripts.Checked checked = DrillScripts.check(file, heyi);
                if (checked instanceof DrillScripts.Refused refused) {
                    refused.errors().forEach(out::println);
                    exit = 1;
                } else {
                    DrillScript s = ((DrillScripts.Good) checked).script();
                    out.println(file + ": " + s.name() + " — " + DrillScripts.summary(s));
                }
            }
            out.flush();
            return exit;
        }
    }

    @Command(name = "report", mixinStandardHelpOptions = true,
            description = {"Write the debrief of a recorded range as one self-contained HTML file (Chinese, charts"
                    + " inline, nothing fetched).",
                "With --script, the drill's expected actions and objectives are rated; the run is found in the range"
                        + " (or named with --drill)."})
    static final class Report implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--recording", description = "a recording file (recording export, GET /api/v1/recording)")
        Path recording;

        @Mixin
        JournalOptions options = new JournalOptions();

        @Option(names = "--from", converter = RecordingCommand.Time.class,
                description = "instead of --recording: first time of the range in the journal of a stopped hub"
                        + " (--data or --jdbc), ISO-8601 with offset")
        Instant from;

        @Option(names = "--to", converter = RecordingCommand.Time.class, description = "with --from: last time of the range")
        Instant to;

        @Option(names = "--script", description = "the drill script the range ran (YAML)")
        Path script;

        @Option(names = "--drill", description = "the drill's id (YL-…), when the range holds more than one run")
        String drillId;

        @Option(names = "--out", required = true, description = "the HTML file to write")
        Path out;

        @Override
        public Integer call() throws IOException {
            try (Logs.Quiet quiet = Logs.warningsOnly()) {
                return report();
            }
        }

        private Integer report() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            String wrong = refusal();
            if (wrong != null) {
                err.println(wrong);
                err.flush();
                return 1;
            }
            Recording.Contents contents;
            try {
                contents = read();
            } catch (Recording.Unreadable e) {
                err.println(recording + ": " + e.getMessage());
                err.flush();
                return 1;
            } catch (RecordingExport.NoEvents e) {
                err.println(e.getMessage());
                err.flush();
                return 1;
            }
            DrillScript s = null;
            if (script != null) {
                DrillScripts.Checked checked = DrillScripts.check(script, HeyiScenario.loadDefault());
                if (checked instanceof DrillScripts.Refused refused) {
                    refused.errors().forEach(err::println);
                    err.flush();
                    return 1;
                }
                s = ((DrillScripts.Good) checked).script();
            }
            Debrief d;
            try {
                d = DrillDebriefs.of(contents, s, drillId);
            } catch (DrillDebriefs.NoRun e) {
                err.println(script + ": the range holds no run of this drill (none of its injects' events)");
                err.flush();
                return 1;
            } catch (Rejection e) {
                err.println("the range's events do not follow one another (" + e.getMessage()
                        + "): export it again with this version's recording export");
                err.flush();
                return 1;
            }
            Files.writeString(out, DebriefHtml.render(d), StandardCharsets.UTF_8);
            spec.commandLine().getOut().println(out + ": " + d.cases().size() + " cases, " + d.actions().size()
                    + " expected actions, " + d.ratings().size() + " objectives rated, " + d.events() + " events");
            spec.commandLine().getOut().flush();
            return 0;
        }

        /** What is wrong with the source asked for before reading it, or null. */
        private String refusal() {
            if ((recording == null) == (from == null && to == null)) {
                return "give either --recording FILE or --from T --to T (a stopped hub's journal)";
            }
            if (recording != null && !Files.isRegularFile(recording)) {
                return recording + ": no such file";
            }
            if (recording == null && (from == null || to == null)) {
                return "--from and --to go together";
            }
            if (recording == null && to.isBefore(from)) {
                return "--to must not be before --from";
            }
            return null;
        }

        /** The recording, or the journal's range exported to a temporary one. */
        private Recording.Contents read() throws IOException {
            if (recording != null) {
                return Recording.read(recording);
            }
            Path tmp = Files.createTempFile("debrief-", ".recording");
            try (Journal journal = options.open()) {
                RecordingExport.export(journal, from, to, tmp);
                return Recording.read(tmp);
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
    }
}
