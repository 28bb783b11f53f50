package org.shanzhi.cockpit.app;

import java.nio.file.Path;

import picocli.CommandLine.Option;

import org.shanzhi.cockpit.hub.Journal;

/** Where a hub's journal is: the options of the hub and of every command that opens a stopped hub's journal. */
final class JournalOptions {

    @Option(names = "--data", defaultValue = "${user.home}/.shanzhi-cockpit",
            description = "Data directory: the H2 journal and tokens.json (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--jdbc", description = "JDBC URL of the journal instead of H2, e.g. jdbc:postgresql://db/cockpit.")
    String jdbc;

    @Option(names = "--db-user", defaultValue = "", description = "Database user for --jdbc.")
    String dbUser;

    @Option(names = "--db-password", defaultValue = "${env:SHANZHI_DB_PASSWORD}",
            description = "Database password for --jdbc (default: $SHANZHI_DB_PASSWORD).")
    String dbPassword;

    /** The password, empty where neither the option nor the environment gives one. */
    String password() {
        return dbPassword == null ? "" : dbPassword;
    }

    /** The journal these options name: --jdbc's, else the H2 file in the data directory. */
    Journal open() {
        return Journal.open(jdbc != null ? jdbc : Journal.h2Url(data), dbUser, password());
    }
}
