package org.shanzhi.cockpit.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import org.shanzhi.cockpit.hub.Journal;
import org.shanzhi.cockpit.hub.RecordingExport;
import org.shanzhi.cockpit.hub.RecordingImport;
import org.shanzhi.cockpit.recording.Recording;

/**
 * Recordings from the command line: export a range of a stopped hub's journal, check a file, import one into a new
 * journal.
 */
@Command(name = "recording", mixinStandardHelpOptions = true,
        description = {"Export a range of a stopped hub's journal as one recording file, check one, or import one into a new journal.",
            "export --from T --to T --out FILE: the events from T to T (ISO-8601 with offset), with a snapshot of the"
                    + " situation every " + Recording.SNAPSHOT_EVERY + " events, compressed, with a checksummed header.",
            "check FILE: read the file whole; print its header (exit 0) or where it is damaged (exit 1).",
            "import FILE --data DIR (or --jdbc URL): put the recording into a new, empty journal, so that a hub"
                    + " started on it (hub --scenario none --data DIR) serves that period, its seqs, times and drill marks"
                    + " as recorded."},
        subcommands = {RecordingCommand.Export.class, RecordingCommand.Check.class, RecordingCommand.Import.class})
final class RecordingCommand {

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Export the journal's events from --from to --to (both included) to --out.")
    static final class Export implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        JournalOptions options = new JournalOptions();

        @Option(names = "--from", required = true, converter = Time.class,
                description = "first time of the range, ISO-8601 with offset (2026-05-30T20:00:00+08:00)")
        Instant from;

        @Option(names = "--to", required = true, converter = Time.class, description = "last time of the range")
        Instant to;

        @Option(names = "--out", required = true, description = "the recording file to write")
        Path out;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            if (to.isBefore(from)) {
                err.println("--to must not be before --from");
                return 2;
            }
            try (Journal journal = options.open()) {
                Recording.Header h = RecordingExport.export(journal, from, to, out);
                spec.commandLine().getOut().println(out + ": " + summary(h));
                spec.commandLine().getOut().flush();
                return 0;
            } catch (RecordingExport.NoEvents e) {
                err.println(e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Read a recording whole: its header, or where it is damaged and what can still be replayed.")
    static final class Check implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "the recording file")
        Path file;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try {
                Recording.Contents c = Recording.read(file);
                out.println(file + ": " + summary(c.header()));
                out.flush();
                return 0;
            } catch (Recording.Unreadable damaged) {
                PrintWriter err = spec.commandLine().getErr();
                err.println(file + ": " + damaged.getMessage());
                if (damaged.offset() >= 0) {
                    try {
                        err.println("  " + Recording.readUpToDamage(file).warning());
                    } catch (Recording.Unreadable nothing) {
                        err.println("  nothing in it can be replayed");
                    }
                }
                err.flush();
                return 1;
            }
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Put a recording into a new, empty journal (--data DIR or --jdbc URL): a hub started on it"
                    + " serves the recorded period, up to the recording's last event.",
                "The file is read whole first: a damaged file is refused with the byte where it breaks, a newer format"
                        + " says so, and nothing is written. A journal that holds anything is refused."})
    static final class Import implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        JournalOptions options = new JournalOptions();

        @Parameters(index = "0", paramLabel = "FILE", description = "the recording file")
        Path file;

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            Recording.Contents c;
            try {
                c = Recording.read(file);
            } catch (Recording.Unreadable damaged) {
                err.println(file + ": " + damaged.getMessage() + "; nothing imported");
                err.flush();
                return 1;
            }
            // a data directory made here is removed again if the import fails: nothing half-made is left
            boolean fresh = options.jdbc == null && !Files.exists(options.data);
            try (Journal journal = options.open()) {
                int n = RecordingImport.into(journal, c);
                spec.commandLine().getOut().println((options.jdbc != null ? options.jdbc : options.data) + ": " + n
                        + " events imported, seq " + c.header().fromSeq() + " to " + c.header().toSeq() + " ("
                        + c.header().from() + " to " + c.header().to() + "); start a hub on it with --scenario none");
                spec.commandLine().getOut().flush();
                fresh = false;
                return 0;
            } catch (RecordingImport.Refused e) {
                err.println(file + ": " + e.getMessage() + "; nothing imported");
                err.flush();
                return 1;
            } finally {
                if (fresh) {
                    deleteTree(options.data);
                }
            }
        }

        private static void deleteTree(Path dir) throws IOException {
            if (!Files.exists(dir)) {
                return;
            }
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    static String summary(Recording.Header h) {
        return h.events() + " events, seq " + h.fromSeq() + " to " + h.toSeq() + " (" + h.from() + " to " + h.to()
                + "), " + h.snapshots() + " snapshots, format " + h.version() + ", hub " + h.hubVersion()
                + ", sha256 " + h.sha256();
    }

    /** An ISO-8601 time with its offset. */
    static final class Time implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            return OffsetDateTime.parse(value).toInstant();
        }
    }
}
