package org.shanzhi.cockpit.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** shanzhi.properties: the command line over the file over the defaults, and a bad line refused with its place. */
class ConfigFileTest {

    @TempDir
    Path data;

    private Path write(String text) throws IOException {
        return Files.writeString(data.resolve(ConfigFile.NAME), text);
    }

    /** The arguments parsed as Main parses them, the data directory's file behind them. */
    private CommandLine parsed(String... args) {
        CommandLine cli = Main.commandLine(args);
        cli.parseArgs(args);
        return cli;
    }

    private HubCommand hub(String... args) {
        return (HubCommand) parsed(args).getSubcommands().get("hub").getCommand();
    }

    /** A command whose data directory is optional (a layout's picture) parses without one: it reads no file. */
    @Test
    void aCommandWithoutItsOptionalDataDirectoryReadsNoFile() {
        CommandLine cli = parsed("snapshot", "--out", data.resolve("wall.png").toString());
        assertThat(((SnapshotCommand) cli.getSubcommands().get("snapshot").getCommand()).data).isNull();
    }

    @Test
    void theCommandLineWinsOverTheFileAndTheFileOverTheDefaults() throws IOException {
        write("""
                # the wall PC of the duty desk
                port = 9000
                log-files: 5
                layout=wall-3x2
                locale=en
                jdbc=jdbc:postgresql://db/cockpit
                camera-networks=10.0.0.0/8,\\
                    192.168.1.0/24:554
                """);
        String d = data.toString();

        assertThat(hub("hub", "--data", d).options.port).isEqualTo(9000);
        assertThat(hub("hub", "--data", d).log.logFiles).isEqualTo(5);
        assertThat(hub("hub", "--data", d).options.cameraNetworks).hasToString("10.0.0.0/8,192.168.1.0/24:554");
        assertThat(hub("hub", "--data", d, "--port", "9100").options.port).isEqualTo(9100);
        assertThat(hub("hub", "--data", d).log.logSize).hasToString("10 MB"); // not in the file: the default

        CockpitCommand wall = (CockpitCommand) parsed("--data", d, "--locale", "zh-CN").getCommand();
        assertThat(wall.layout).isEqualTo("wall-3x2");
        assertThat(wall.locale).isEqualTo("zh-CN");
        assertThat(wall.hub.port).isEqualTo(9000);

        CommandLine journal = parsed("journal", "check", "--data", d);
        assertThat(((JournalCommand) journal.getSubcommands().get("journal").getCommand()).options.jdbc)
                .isEqualTo("jdbc:postgresql://db/cockpit");

        Path elsewhere = data.resolve("elsewhere");
        assertThat(hub("hub", "--data", elsewhere.toString()).options.port).isEqualTo(8717); // no file there
    }

    @Test
    void aBadLineIsRefusedWithTheFileTheLineAndTheReason() throws IOException {
        refused("host=0.0.0.0\nport=eighty\n", ":2: port: 'eighty' is not an int");
        refused("# comment\n\nprot=9000\n", ":3: unknown key 'prot'");
        refused("log-files=30\n", ":1: log-files: '30' is not a whole number from 1 to 20");
        refused("log-size=lots\n", ":1: log-size: 'lots' is not a size like 512KB, 10MB or 1GB");
        refused("max-event-lead=-PT1M\n", ":1: max-event-lead: '-PT1M' is negative");
        refused("port=9000\nhost=::\nport=9001\n", ":3: port: given again (first on line 1)");
        refused("data=/srv/cockpit\n", ":1: data: this file is in the data directory");
        refused("help=true\n", ":1: unknown key 'help'");
        refused("scenario=heyi2\n", ":1: scenario: unknown scenario 'heyi2'; known: heyi, none");
        refused("camera-networks=10.0.0.0/33\n", ":1: camera-networks: '10.0.0.0/33' is not a camera network");
    }

    private void refused(String text, String expected) throws IOException {
        Path file = write(text);
        assertThatThrownBy(() -> Main.commandLine("hub", "--data", data.toString()))
                .isInstanceOf(ConfigFile.Refused.class)
                .hasMessageStartingWith(file + expected.substring(0, expected.indexOf(' ')))
                .hasMessageContaining(expected)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
