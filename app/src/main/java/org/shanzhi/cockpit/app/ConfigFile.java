package org.shanzhi.cockpit.app;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code shanzhi.properties} in the data directory: any long option of the wall, {@code hub} and
 * {@code journal} commands, without its dashes ({@code port=8717}, {@code layout=wall-3x2}).
 * The command line wins over the file, the file over the built-in defaults. Every key and value
 * is checked before anything starts, each value by the option's own converter; the first fault is
 * refused with the file, the line and the reason.
 */
final class ConfigFile implements CommandLine.IDefaultValueProvider {

    static final String NAME = "shanzhi.properties";

    /** The subcommands that read the file besides the wall: those that take the data directory it lives in. */
    private static final List<String> READERS = List.of("hub", "journal");

    /** A key or value the file must not hold, said as {@code file:line: reason}; {@link FiguresFile}'s too. */
    static final class Refused extends IllegalArgumentException {
        Refused(Path file, int line, String reason) {
            super(file + ":" + line + ": " + reason);
        }
    }

    private final Map<String, String> values;

    private ConfigFile(Map<String, String> values) {
        this.values = values;
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        return arg instanceof OptionSpec o ? values.get(key(o)) : null;
    }

    /**
     * Reads the file of the data directory the arguments name (or the default one) and makes it
     * the default of the commands that read it. Arguments picocli cannot parse are left for it to
     * refuse; a command without a data directory reads no file.
     */
    static void apply(CommandLine cli, String... args) {
        CommandLine.ParseResult parsed;
        try {
            parsed = fresh().parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            return;
        }
        while (parsed.hasSubcommand()) {
            parsed = parsed.subcommand();
        }
        OptionSpec data = parsed.commandSpec().findOption("--data");
        if (data == null || data.getValue() == null) {
            return; // a command without a data directory, or whose --data is optional and not given (snapshot)
        }
        Path file = ((Path) data.getValue()).resolve(NAME);
        if (!Files.isRegularFile(file)) {
            return;
        }
        ConfigFile config = new ConfigFile(read(file));
        cli.getCommandSpec().defaultValueProvider(config);
        for (String reader : READERS) {
            cli.getSubcommands().get(reader).setDefaultValueProvider(config);
        }
    }

    /** The command line as Main builds it, with no file behind it. */
    static CommandLine fresh() {
        return new CommandLine(new CockpitCommand()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    private static Map<String, String> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new Refused(file, 1, "the file is not UTF-8 text");
        } catch (IOException e) {
            throw new Refused(file, 1, "cannot read the file: " + e.getMessage());
        }
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Integer> lineOf = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            int number = i + 1;
            StringBuilder logical = new StringBuilder(lines.get(i));
            String trimmed = logical.toString().strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("!")) {
                continue;
            }
            // a line ending in an odd number of backslashes goes on on the next (.properties rule)
            while (endsContinued(logical) && i + 1 < lines.size()) {
                logical.append('\n').append(lines.get(++i));
            }
            Properties one = new Properties();
            try {
                one.load(new StringReader(logical.toString()));
            } catch (IOException | IllegalArgumentException e) {
                throw new Refused(file, number, "cannot read this line: " + e.getMessage());
            }
            String key = one.stringPropertyNames().iterator().next();
            String value = one.getProperty(key).strip();
            check(file, number, key, value, lineOf.get(key));
            values.put(key, value);
            lineOf.put(key, number);
        }
        return values;
    }

    private static boolean endsContinued(CharSequence line) {
        int backslashes = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    private static void check(Path file, int line, String key, String value, Integer before) {
        if (before != null) {
            throw new Refused(file, line, key + ": given again (first on line " + before + ")");
        }
        if (key.equals("data")) {
            throw new Refused(file, line, "data: this file is in the data directory; give --data on the command line");
        }
        CommandLine cli = fresh();
        OptionSpec option = cli.getCommandSpec().findOption("--" + key);
        if (option == null || option.usageHelp() || option.versionHelp() || !key.equals(key(option))) {
            throw new Refused(file, line, "unknown key '" + key + "'; the keys are the long options of "
                    + "`shanzhi-cockpit --help` without their dashes");
        }
        try {
            cli.parseArgs("--" + key, value);
        } catch (CommandLine.ParameterException e) {
            String reason = e.getMessage().replaceFirst("^Invalid value for option '--" + key + "': ", "");
            throw new Refused(file, line, key + ": " + reason);
        }
    }

    /** {@code --log-size} → {@code log-size}. */
    private static String key(OptionSpec o) {
        return o.longestName().replaceFirst("^--", "");
    }
}
