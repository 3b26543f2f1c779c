package org.mecconpaas.it.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The machine's 1-minute load average, read from {@code /proc/loadavg} every {@value #EVERY_MILLIS}
 * ms by a daemon thread while a phase runs: how busy the shared machine was while a figure was
 * taken.
 */
final class LoadAverages implements AutoCloseable {
  private static final long EVERY_MILLIS = 5_000;

  private final List<Double> samples = new ArrayList<>();
  private final Thread sampler;

  private LoadAverages() {
    sampler = new Thread(this::sample, "load-average");
    sampler.setDaemon(true);
  }

  static LoadAverages during() {
    LoadAverages loads = new LoadAverages();
    loads.sampler.start();
    return loads;
  }

  /** The three averages as the kernel prints them, e.g. {@code 2.10 1.85 1.40}. */
  static String now() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  private void sample() {
    while (!Thread.currentThread().isInterrupted()) {
      try {
        double load = Double.parseDouble(now().split(" ")[0]);
        synchronized (samples) {
          samples.add(load);
        }
        Thread.sleep(EVERY_MILLIS);
      } catch (NumberFormatException e) {
        return;
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** E.g. {@code mean 2.4, max 3.1 (40 samples)}. */
  String summary() {
    synchronized (samples) {
      if (samples.isEmpty()) {
        return "no samples";
      }
      double mean = samples.stream().mapToDouble(Double::doubleValue).average().orElse(0);
      double max = samples.stream().mapToDouble(Double::doubleValue).max().orElse(0);
      return String.format(
          Locale.ROOT, "mean %.2f, max %.2f (%d samples)", mean, max, samples.size());
    }
  }

  @Override
  public void close() {
    sampler.interrupt();
  }
}
