package org.mecconpaas.it.bench;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The same page under the same closed-loop load through the platform's PHP service and through the
 * bare stack, the bare one once with the platform instances' CPU quotas and once without, in rounds
 * whose order alternates (bare, platform, bare unlimited; then backwards), so that slow drift of
 * the shared machine falls on every target alike. Ratios are taken per round, between neighbours in
 * time, and their median reported.
 */
final class ThroughputRounds {

  /** What a window measured. */
  enum Target {
    BARE_QUOTA("bare, same CPU quota"),
    PLATFORM("platform"),
    BARE_FREE("bare, no CPU quota");

    final String label;

    Target(String label) {
      this.label = label;
    }
  }

  static final Duration WARM_UP = Duration.ofSeconds(3);

  private final URI platform;
  private final URI bare;
  private final BarePhpStack stack;
  private final int clients;
  private final Duration window;
  private final Map<Target, List<PageLoad.Window>> windows = new EnumMap<>(Target.class);

  ThroughputRounds(URI platform, URI bare, BarePhpStack stack, int clients, Duration window) {
    this.platform = platform;
    this.bare = bare;
    this.stack = stack;
    this.clients = clients;
    this.window = window;
    for (Target target : Target.values()) {
      windows.put(target, new ArrayList<>());
    }
  }

  void run(int rounds) throws IOException, InterruptedException {
    for (int round = 1; round <= rounds; round++) {
      List<Target> order = new ArrayList<>(List.of(Target.values()));
      if (round % 2 == 0) {
        Collections.reverse(order);
      }
      for (Target target : order) {
        if (target != Target.PLATFORM) {
          stack.limitCpu(target == Target.BARE_QUOTA);
        }
        PageLoad.Window measured =
            PageLoad.measure(target == Target.PLATFORM ? platform : bare, clients, WARM_UP, window);
        windows.get(target).add(measured);
        WebBenchmark.progress(
            String.format(
                Locale.ROOT,
                "round %d/%d, %s: %s (load %s)",
                round,
                rounds,
                target.label,
                describe(measured),
                LoadAverages.now()));
      }
    }
    stack.limitCpu(true);
  }

  void report(WebReport report) {
    long failed = windows.values().stream().flatMap(List::stream).mapToLong(w -> w.errors()).sum();
    for (Target target : Target.values()) {
      report.info(
          "requests/s, " + target.label + " (median)",
          String.format(
              Locale.ROOT, "%.1f /s", median(windows.get(target), w -> w.requestsPerSecond())));
      report.info(
          "p99 latency, " + target.label + " (median)",
          String.format(
              Locale.ROOT, "%.1f ms", median(windows.get(target), w -> w.percentileMillis(99))));
    }
    double[] quota = ratios(Target.BARE_QUOTA, w -> w.requestsPerSecond());
    report.atLeast(
        "requests/s platform / bare, same CPU quota (median)", median(quota), 0.9, failed == 0);
    report.info(
        "  the same, lowest and highest round",
        String.format(Locale.ROOT, "%.2f .. %.2f", quota[0], quota[quota.length - 1]));
    report.info(
        "p99 platform / bare, same CPU quota (median)",
        String.format(
            Locale.ROOT, "%.2f", median(ratios(Target.BARE_QUOTA, w -> w.percentileMillis(99)))));
    report.info(
        "requests/s platform / bare, no CPU quota (median)",
        String.format(
            Locale.ROOT, "%.2f", median(ratios(Target.BARE_FREE, w -> w.requestsPerSecond()))));
    report.info(
        "p99 platform / bare, no CPU quota (median)",
        String.format(
            Locale.ROOT, "%.2f", median(ratios(Target.BARE_FREE, w -> w.percentileMillis(99)))));
    report.info("failed requests in the measured windows", Long.toString(failed));
    windows.values().stream()
        .flatMap(List::stream)
        .filter(w -> w.firstError() != null)
        .findFirst()
        .ifPresent(w -> report.line("first failed request: " + w.firstError()));
  }

  /** One line per round, for after the table. */
  List<String> roundLines() {
    List<String> lines = new ArrayList<>();
    int rounds = windows.get(Target.PLATFORM).size();
    for (int r = 0; r < rounds; r++) {
      List<String> parts = new ArrayList<>();
      for (Target target : Target.values()) {
        if (r < windows.get(target).size()) {
          parts.add(target.label + ": " + describe(windows.get(target).get(r)));
        }
      }
      String line = String.format(Locale.ROOT, "  round %d: %s", r + 1, String.join(" | ", parts));
      lines.add(line);
    }
    return lines;
  }

  /** Platform over {@code base} per round, sorted. */
  private double[] ratios(Target base, ToDoubleFunction<PageLoad.Window> figure) {
    List<PageLoad.Window> platformWindows = windows.get(Target.PLATFORM);
    List<PageLoad.Window> baseWindows = windows.get(base);
    int rounds = Math.min(platformWindows.size(), baseWindows.size());
    double[] ratios = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      ratios[r] =
          figure.applyAsDouble(platformWindows.get(r)) / figure.applyAsDouble(baseWindows.get(r));
    }
    Arrays.sort(ratios);
    return ratios;
  }

  private static double median(
      List<PageLoad.Window> list, ToDoubleFunction<PageLoad.Window> figure) {
    return median(list.stream().mapToDouble(figure).sorted().toArray());
  }

  private static double median(double[] sorted) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  private static String describe(PageLoad.Window w) {
    return String.format(
        Locale.ROOT,
        "%.1f req/s, p50 %.1f ms, p99 %.1f ms, %d requests%s",
        w.requestsPerSecond(),
        w.percentileMillis(50),
        w.percentileMillis(99),
        w.sortedMicros().length,
        w.errors() == 0 ? "" : ", " + w.errors() + " failed");
  }
}
