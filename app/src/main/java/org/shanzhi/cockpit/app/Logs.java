package org.shanzhi.cockpit.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.util.Duration;
import ch.qos.logback.core.util.FileSize;
import org.slf4j.LoggerFactory;

/**
 * The log file that outlives the console: {@code <data>/logs/<name>.log}, rolled to
 * {@code <name>.1.log} … {@code <name>.<files>.log} when it reaches its size, the oldest dropped.
 * The console (logback.xml) keeps logging as before. What is logged never holds a token, a
 * password or a caller's phone number: the hub logs paths without their query, and no event's text.
 */
final class Logs {

    /** FixedWindowRollingPolicy keeps at most this many rolled files. */
    static final int MAX_FILES = 20;

    private Logs() {
    }

    /** Adds the rolling file to the root logger; closing removes it again (tests). */
    static AutoCloseable toFile(Path dir, String name, FileSize size, int files) {
        createOwnerOnly(dir);
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{yyyy-MM-dd HH:mm:ss.SSSXXX} [%thread] %-5level %logger{0} - %msg%n");
        encoder.start();

        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(context);
        file.setName("file-" + name);
        file.setFile(dir.resolve(name + ".log").toString());
        file.setEncoder(encoder);

        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(context);
        rolling.setParent(file);
        rolling.setFileNamePattern(dir.resolve(name + ".%i.log").toString());
        rolling.setMinIndex(1);
        rolling.setMaxIndex(files);
        rolling.start();

        SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
        trigger.setContext(context);
        trigger.setMaxFileSize(size);
        // logback looks at the size once a minute by default; a burst could overshoot the size by far
        trigger.setCheckIncrement(Duration.buildBySeconds(1));
        trigger.start();

        file.setRollingPolicy(rolling);
        file.setTriggeringPolicy(trigger);
        file.start();
        if (!file.isStarted()) {
            throw new IllegalStateException("cannot write the log file " + dir.resolve(name + ".log"));
        }
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.addAppender(file);
        return () -> {
            root.detachAppender(file);
            file.stop();
        };
    }

    /**
     * For a command whose output is its answer (drill run): only warnings and errors are logged (to stderr), so that
     * the loading of the scenario and the like are not said between its lines. Closing it gives the level back (a
     * command run in a JVM that goes on, as in tests, leaves the logging as it found it).
     */
    static Quiet warningsOnly() {
        Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME);
        Level before = root.getLevel();
        root.setLevel(Level.WARN);
        return () -> root.setLevel(before);
    }

    /** Logging kept to warnings until closed. */
    interface Quiet extends AutoCloseable {
        @Override
        void close();
    }

    /** The logs sit beside the journal and are as private (rwx------ where the file system has POSIX rights). */
    private static void createOwnerOnly(Path dir) {
        try {
            try {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createDirectories(dir);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the log directory " + dir + ": " + e, e);
        }
    }
}
