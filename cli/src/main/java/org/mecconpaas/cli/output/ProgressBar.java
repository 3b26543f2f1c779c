package org.mecconpaas.cli.output;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.mecconpaas.cli.client.TransferListener;

/**
 * Shows a transfer on stderr. On a terminal it redraws one line in place (bar, percent, bytes,
 * rate) at most ten times a second; anywhere else (CI logs, pipes) carriage returns would only make
 * a mess, so it prints a single line when the transfer is done.
 */
public final class ProgressBar implements TransferListener {

  private static final int BAR_WIDTH = 30;
  private static final long REDRAW_INTERVAL_NANOS = 100_000_000L;

  private final PrintWriter err;
  private final boolean terminal;
  private final String pastTense;
  private final LongSupplier nanoTime;

  private String fileName = "";
  private long totalBytes = -1;
  private long startNanos;
  private long lastDrawNanos;
  private boolean drawn;
  private int lastLineLength;

  /**
   * @param pastTense what the final line says was done, e.g. "uploaded"
   */
  public ProgressBar(PrintWriter err, boolean terminal, String pastTense) {
    this(err, terminal, pastTense, System::nanoTime);
  }

  ProgressBar(PrintWriter err, boolean terminal, String pastTense, LongSupplier nanoTime) {
    this.err = err;
    this.terminal = terminal;
    this.pastTense = pastTense;
    this.nanoTime = nanoTime;
  }

  @Override
  public void started(String fileName, long totalBytes) {
    this.fileName = fileName;
    this.totalBytes = totalBytes;
    this.startNanos = nanoTime.getAsLong();
    if (terminal) {
      draw(0, startNanos);
    }
  }

  @Override
  public void progressed(long bytesSoFar) {
    if (!terminal) {
      return;
    }
    long now = nanoTime.getAsLong();
    if (now - lastDrawNanos >= REDRAW_INTERVAL_NANOS) {
      draw(bytesSoFar, now);
    }
  }

  @Override
  public void completed(long bytes) {
    long now = nanoTime.getAsLong();
    if (terminal) {
      draw(bytes, now);
      err.println();
    } else {
      double seconds = seconds(now);
      err.printf(
          Locale.ROOT,
          "%s %s: %s in %.1f s (%s)%n",
          pastTense,
          fileName,
          ByteSize.format(bytes),
          seconds,
          rate(bytes, seconds));
    }
    err.flush();
  }

  @Override
  public void aborted() {
    if (terminal && drawn) {
      // End the half-drawn bar so the error message starts on a line of its own.
      err.println();
      err.flush();
    }
  }

  /** The line a terminal shows after {@code bytes} bytes at time {@code now}. */
  String line(long bytes, long now) {
    double seconds = seconds(now);
    String amount = ByteSize.format(bytes);
    if (totalBytes <= 0) {
      return fileName + "  " + amount + "  " + rate(bytes, seconds);
    }
    long percent = Math.min(100, bytes * 100 / totalBytes);
    int filled = (int) (percent * BAR_WIDTH / 100);
    return String.format(
        Locale.ROOT,
        "%s  [%s%s] %3d%%  %s / %s  %s",
        fileName,
        "#".repeat(filled),
        ".".repeat(BAR_WIDTH - filled),
        percent,
        amount,
        ByteSize.format(totalBytes),
        rate(bytes, seconds));
  }

  private void draw(long bytes, long now) {
    String line = line(bytes, now);
    // Blank out what is left of a longer previous line (the rate can get shorter).
    String padding = " ".repeat(Math.max(0, lastLineLength - line.length()));
    err.print("\r" + line + padding);
    err.flush();
    lastLineLength = line.length();
    lastDrawNanos = now;
    drawn = true;
  }

  private double seconds(long now) {
    return (now - startNanos) / 1e9;
  }

  private static String rate(long bytes, double seconds) {
    if (seconds <= 0) {
      return "- /s";
    }
    return ByteSize.format((long) (bytes / seconds)) + "/s";
  }
}
