package org.shanzhi.cockpit.app;

import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import org.shanzhi.cockpit.hub.Journal;
import org.shanzhi.cockpit.hub.JournalCheck;

/** Looks after a stopped hub's journal: finds the entries it could not start past, and sets them aside. */
@Command(name = "journal", mixinStandardHelpOptions = true,
        description = {"Check a stopped hub's journal, or set aside the entries it cannot replay.",
            "check: replay the journal and list every entry a hub could not start past (exit 1 if any).",
            "quarantine: move each such entry to the journal's quarantine table, leaving an EntryQuarantined event "
                    + "in its place, so the hub starts again; nothing is deleted."})
final class JournalCommand implements Callable<Integer> {

    @Mixin
    JournalOptions options = new JournalOptions();

    @Parameters(index = "0", paramLabel = "ACTION", description = "check or quarantine")
    String action;

    @Override
    public Integer call() {
        if (!action.equals("check") && !action.equals("quarantine")) {
            System.err.println("unknown action '" + action + "'; known: check, quarantine");
            return 2;
        }
        try (Journal journal = options.open()) {
            boolean quarantine = action.equals("quarantine");
            List<JournalCheck.Problem> problems = JournalCheck.run(journal, quarantine);
            for (JournalCheck.Problem p : problems) {
                System.out.println("seq " + p.seq() + " (" + p.type() + "): " + p.reason()
                        + (quarantine ? " — set aside" : ""));
            }
            System.out.println(problems.isEmpty() ? "the journal replays to its head " + journal.head()
                    : problems.size() + (quarantine ? " entries set aside in the quarantine table; the hub can start"
                    : " entries cannot be replayed; run `journal quarantine` to set them aside"));
            return problems.isEmpty() || quarantine ? 0 : 1;
        }
    }
}
