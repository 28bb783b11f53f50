package org.shanzhi.cockpit.app;

import java.nio.file.Path;

import ch.qos.logback.core.util.FileSize;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The options of the log file, for the commands that keep one: the wall and the hub. */
final class LogOptions {

    @Option(names = "--log-size", defaultValue = "10MB", converter = LogSize.class,
            description = "Size at which the log file (<data>/logs/hub.log or wall.log) is rolled, e.g. 512KB, 10MB, 1GB "
                    + "(default: ${DEFAULT-VALUE}).")
    FileSize logSize;

    @Option(names = "--log-files", defaultValue = "10", converter = LogFiles.class,
            description = "Rolled log files kept beside the current one, 1-" + Logs.MAX_FILES
                    + "; the oldest is dropped (default: ${DEFAULT-VALUE}).")
    int logFiles;

    /** The rolling log file of this process, {@code <data>/logs/<name>.log}. */
    AutoCloseable toFile(Path data, String name) {
        return Logs.toFile(data.resolve("logs"), name, logSize, logFiles);
    }

    static final class LogSize implements ITypeConverter<FileSize> {
        @Override
        public FileSize convert(String value) {
            if (!value.matches("[1-9]\\d{0,6} ?(KB|MB|GB)")) {
                throw new TypeConversionException("'" + value + "' is not a size like 512KB, 10MB or 1GB");
            }
            return FileSize.valueOf(value);
        }
    }

    static final class LogFiles implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            if (!value.matches("\\d{1,2}") || Integer.parseInt(value) < 1 || Integer.parseInt(value) > Logs.MAX_FILES) {
                throw new TypeConversionException("'" + value + "' is not a whole number from 1 to " + Logs.MAX_FILES);
            }
            return Integer.parseInt(value);
        }
    }
}
