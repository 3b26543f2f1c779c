package org.mecconpaas.agent;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * {@code 2026-11-28 10:15:02.318 WARNING Reconciler: message}, plus the exception on one line;
 * milliseconds, as the steps of a start or a migration take fractions of a second.
 */
final class OneLineFormatter extends Formatter {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

  @Override
  public String format(LogRecord record) {
    String logger = record.getLoggerName() == null ? "" : record.getLoggerName();
    StringBuilder line =
        new StringBuilder()
            .append(
                TIME.format(LocalDateTime.ofInstant(record.getInstant(), ZoneId.systemDefault())))
            .append(' ')
            .append(record.getLevel().getName())
            .append(' ')
            .append(logger.substring(logger.lastIndexOf('.') + 1))
            .append(": ")
            .append(formatMessage(record));
    if (record.getThrown() != null) {
      line.append(" (").append(record.getThrown()).append(')');
    }
    return line.append(System.lineSeparator()).toString();
  }
}
