package io.camelrrpc.component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * Records, in memory, everything the component, Camel and the MQTT client log while it is open, down to DEBUG
 * for {@code io.camelrrpc} and {@code org.apache.camel}; the console keeps showing only what it showed before.
 * Messages are recorded with their exceptions' stack traces, so a secret in an exception message is found too.
 */
final class LogCapture implements AutoCloseable {

    private static final List<String> VERBOSE_LOGGERS = List.of("io.camelrrpc", "org.apache.camel");

    private final LoggerContext context = (LoggerContext) LogManager.getContext(false);
    private final Queue<String> lines = new ConcurrentLinkedQueue<>();
    private final Map<String, Level> levelsBefore = new HashMap<>();
    private final Appender appender;

    private LogCapture() {
        appender = new AbstractAppender("capture-" + UUID.randomUUID(), null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                lines.add(event.getLevel() + " " + event.getLoggerName() + " - " + event.getMessage().getFormattedMessage()
                          + (event.getThrown() == null ? "" : "\n" + Causes.fullText(event.getThrown())));
            }
        };
        appender.start();
    }

    /** Starts recording. */
    static LogCapture start() {
        LogCapture capture = new LogCapture();
        capture.attach();
        return capture;
    }

    private void attach() {
        Configuration configuration = context.getConfiguration();
        LoggerConfig root = configuration.getRootLogger();
        for (String name : VERBOSE_LOGGERS) {
            LoggerConfig logger = ownConfig(configuration, name);
            levelsBefore.put(name, logger.getLevel());
            logger.setLevel(Level.DEBUG);
            logger.addAppender(appender, null, null);
            // not through the root, whose appenders would print DEBUG: they get what this logger let through before
            logger.setAdditive(false);
            root.getAppenders().values().forEach(console -> logger.addAppender(console, levelsBefore.get(name), null));
        }
        root.addAppender(appender, null, null);
        context.updateLoggers();
    }

    private static LoggerConfig ownConfig(Configuration configuration, String name) {
        LoggerConfig logger = configuration.getLoggerConfig(name);
        if (!logger.getName().equals(name)) {
            logger = new LoggerConfig(name, logger.getLevel(), true);
            configuration.addLogger(name, logger);
        }
        return logger;
    }

    /** Everything recorded so far, one event a line (plus stack trace lines). */
    String text() {
        return String.join("\n", lines);
    }

    /** The events one logger recorded, each with its stack trace lines if any. */
    List<String> eventsOf(Class<?> logger) {
        String prefix = logger.getName() + " - ";
        return lines.stream().filter(line -> line.substring(line.indexOf(' ') + 1).startsWith(prefix)).toList();
    }

    int size() {
        return lines.size();
    }

    @Override
    public void close() {
        Configuration configuration = context.getConfiguration();
        LoggerConfig root = configuration.getRootLogger();
        root.removeAppender(appender.getName());
        for (String name : VERBOSE_LOGGERS) {
            LoggerConfig logger = configuration.getLoggerConfig(name);
            logger.removeAppender(appender.getName());
            root.getAppenders().keySet().forEach(logger::removeAppender);
            logger.setAdditive(true);
            logger.setLevel(levelsBefore.get(name));
        }
        context.updateLoggers();
        appender.stop();
    }
}
