package org.mecconpaas.cli.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * latency.html: one self-contained page (inline SVG and CSS, no script, nothing fetched) with the
 * latency of every answered request over the run's time, one colour per service, failed requests as
 * red marks on the time axis, and each migration as a shaded band from its request to its end with
 * a line where the routes switched. Above {@value #MAX_DOTS} requests the dots give way to the
 * per-second median and maximum of each service.
 */
final class LatencyChart {
  static final int MAX_DOTS = 6000;
  private static final String[] COLOURS = {
    "#1f77b4", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#17becf", "#7f7f7f", "#bcbd22"
  };
  private static final int WIDTH = 1000;
  private static final int HEIGHT = 420;
  private static final int LEFT = 60;
  private static final int RIGHT = 20;
  private static final int TOP = 20;
  private static final int BOTTOM = 50;
  private static final int LABEL_WIDTH = 70;

  private final StringBuilder svg = new StringBuilder();
  private final double seconds;
  private final double ceiling;

  private LatencyChart(double seconds, double ceiling) {
    this.seconds = Math.max(1, seconds);
    this.ceiling = ceiling;
  }

  static String html(
      String title,
      List<String> services,
      List<RequestRecord> requests,
      List<MigrationRecord> migrations,
      RunClock clock,
      double runSeconds,
      Summary summary) {
    double[] latencies =
        requests.stream()
            .filter(RequestRecord::ok)
            .mapToDouble(RequestRecord::latencyMillis)
            .sorted()
            .toArray();
    // the 99.9th percentile decides the scale, so that one stray second does not flatten the rest
    double top =
        latencies.length == 0 ? 10 : Math.max(1, Summary.percentile(latencies, 99.9) * 1.2);
    LatencyChart chart = new LatencyChart(runSeconds, niceCeiling(top));
    chart.frame();
    chart.migrations(migrations, clock);
    boolean dots = requests.size() <= MAX_DOTS;
    for (int i = 0; i < services.size(); i++) {
      String service = services.get(i);
      List<RequestRecord> mine =
          requests.stream().filter(r -> r.service().equals(service)).toList();
      if (dots) {
        chart.dots(mine, COLOURS[i % COLOURS.length]);
      } else {
        chart.perSecond(mine, COLOURS[i % COLOURS.length]);
      }
    }
    chart.failures(requests);
    return page(title, services, dots, summary, chart.svg.toString());
  }

  private void frame() {
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"11\">%n",
            WIDTH,
            HEIGHT,
            WIDTH,
            HEIGHT));
    svg.append(
        String.format(
            Locale.ROOT,
            "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#fff\" stroke=\"#999\"/>%n",
            LEFT,
            TOP,
            plotWidth(),
            plotHeight()));
    for (int i = 0; i <= 5; i++) {
      double value = ceiling * i / 5;
      double y = y(value);
      svg.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#eee\"/><text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
              LEFT,
              LEFT + plotWidth(),
              y,
              y,
              LEFT - 6,
              y + 4,
              label(value)));
    }
    double step = timeStep(seconds);
    for (double t = 0; t <= seconds + 1e-9; t += step) {
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
              x(t),
              TOP + plotHeight() + 16,
              label(t)));
    }
    svg.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">seconds since the clients started moving</text>%n",
            LEFT + plotWidth() / 2,
            HEIGHT - 8));
    svg.append(
        String.format(
            Locale.ROOT,
            "<text transform=\"translate(14 %d) rotate(-90)\" text-anchor=\"middle\">latency (ms)</text>%n",
            TOP + plotHeight() / 2));
  }

  private void migrations(List<MigrationRecord> migrations, RunClock clock) {
    double lastLabel = Double.NEGATIVE_INFINITY;
    for (MigrationRecord m : migrations) {
      if (m.requestedAt() == null) {
        continue;
      }
      double from = clamp(clock.seconds(m.requestedAt()));
      double to = clamp(m.finishedAt() == null ? seconds : clock.seconds(m.finishedAt()));
      String fill = m.done() ? "#fde9c8" : "#f6d0d0";
      svg.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\" opacity=\"0.7\"><title>%s</title></rect>%n",
              x(from),
              TOP,
              Math.max(1, x(to) - x(from)),
              plotHeight(),
              fill,
              escape(describe(m))));
      if (m.switchedAt() != null) {
        double switched = clamp(clock.seconds(m.switchedAt()));
        svg.append(
            String.format(
                Locale.ROOT,
                "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#e08000\" stroke-dasharray=\"4 3\"/>%n",
                x(switched),
                x(switched),
                TOP,
                TOP + plotHeight()));
      }
      if (x(from) - lastLabel >= LABEL_WIDTH) {
        // labels of migrations close together would overlap: their bands keep a title
        lastLabel = x(from);
        svg.append(
            String.format(
                Locale.ROOT,
                "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" fill=\"#a05000\">%s</text>%n",
                x(from) + 2,
                TOP + 12,
                escape("m" + m.id() + " " + m.from() + "\u2192" + m.to())));
      }
    }
  }

  private void dots(List<RequestRecord> requests, String colour) {
    svg.append("<g fill=\"").append(colour).append("\" fill-opacity=\"0.6\">\n");
    for (RequestRecord r : requests) {
      if (r.ok()) {
        svg.append(
            String.format(
                Locale.ROOT,
                "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"1.6\"/>",
                x(clamp(r.seconds())),
                y(Math.min(ceiling, r.latencyMillis()))));
      }
    }
    svg.append("\n</g>\n");
  }

  private void perSecond(List<RequestRecord> requests, String colour) {
    Map<Integer, List<Double>> buckets = new TreeMap<>();
    for (RequestRecord r : requests) {
      if (r.ok()) {
        buckets
            .computeIfAbsent((int) Math.floor(r.seconds()), k -> new ArrayList<>())
            .add(r.latencyMillis());
      }
    }
    StringBuilder median = new StringBuilder();
    StringBuilder max = new StringBuilder();
    buckets.forEach(
        (second, values) -> {
          double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
          double t = clamp(second + 0.5);
          median.append(
              String.format(
                  Locale.ROOT,
                  "%.1f,%.1f ",
                  x(t),
                  y(Math.min(ceiling, Summary.percentile(sorted, 50)))));
          max.append(
              String.format(
                  Locale.ROOT,
                  "%.1f,%.1f ",
                  x(t),
                  y(Math.min(ceiling, sorted[sorted.length - 1]))));
        });
    svg.append(
        String.format(
            Locale.ROOT,
            "<polyline fill=\"none\" stroke=\"%s\" stroke-opacity=\"0.35\" points=\"%s\"/>%n",
            colour,
            max));
    svg.append(
        String.format(
            Locale.ROOT,
            "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\" points=\"%s\"/>%n",
            colour,
            median));
  }

  private void failures(List<RequestRecord> requests) {
    svg.append("<g stroke=\"#d62728\" stroke-width=\"1.5\">\n");
    for (RequestRecord r : requests) {
      if (!r.ok()) {
        double x = x(clamp(r.seconds()));
        int base = TOP + plotHeight();
        svg.append(
            String.format(
                Locale.ROOT,
                "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\"><title>%s</title></line>",
                x,
                x,
                base - 10,
                base,
                escape(r.client() + " " + r.service() + ": " + r.error())));
      }
    }
    svg.append("\n</g>\n</svg>\n");
  }

  private static String page(
      String title, List<String> services, boolean dots, Summary summary, String svg) {
    StringBuilder legend = new StringBuilder();
    for (int i = 0; i < services.size(); i++) {
      legend.append(
          String.format(
              Locale.ROOT,
              "<span><i style=\"background:%s\"></i>%s</span>",
              COLOURS[i % COLOURS.length],
              escape(services.get(i))));
    }
    legend.append("<span><i style=\"background:#d62728\"></i>failed request</span>");
    legend.append(
        "<span><i style=\"background:#fde9c8\"></i>migration (dashed: routes switched)</span>");
    String how =
        dots ? "one dot per answered request" : "per second: median (bold) and maximum (light)";
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
        + escape(title)
        + "</title>\n<style>body{font-family:sans-serif;margin:20px;color:#222}"
        + ".legend span{margin-right:16px}.legend i{display:inline-block;width:12px;height:12px;margin-right:4px;vertical-align:middle}"
        + "pre{background:#f6f6f6;padding:8px}</style></head><body>\n<h1>"
        + escape(title)
        + "</h1>\n<p>Latency of each request over time ("
        + how
        + ").</p>\n<p class=\"legend\">"
        + legend
        + "</p>\n"
        + svg
        + "<pre>"
        + escape(summary.text())
        + "</pre>\n</body></html>\n";
  }

  private static String describe(MigrationRecord m) {
    return "migration "
        + m.id()
        + " ("
        + m.trigger()
        + ") of "
        + m.instance()
        + ": "
        + m.from()
        + " -> "
        + m.to()
        + ", "
        + m.state();
  }

  private double clamp(double t) {
    return Math.max(0, Math.min(seconds, t));
  }

  private double x(double t) {
    return LEFT + t / seconds * plotWidth();
  }

  private double y(double millis) {
    return TOP + plotHeight() - millis / ceiling * plotHeight();
  }

  private static int plotWidth() {
    return WIDTH - LEFT - RIGHT;
  }

  private static int plotHeight() {
    return HEIGHT - TOP - BOTTOM;
  }

  /** 1, 2 or 5 times a power of ten, at or above {@code value}. */
  static double niceCeiling(double value) {
    double power = Math.pow(10, Math.floor(Math.log10(value)));
    for (double m : new double[] {1, 2, 5, 10}) {
      if (m * power >= value) {
        return m * power;
      }
    }
    return 10 * power;
  }

  private static double timeStep(double seconds) {
    return Arrays.stream(new double[] {5, 10, 15, 30, 60, 120, 300, 600, 1800, 3600})
        .filter(step -> seconds / step <= 12)
        .findFirst()
        .orElse(7200);
  }

  private static String label(double value) {
    return value == Math.rint(value)
        ? Long.toString((long) value)
        : String.format(Locale.ROOT, "%.1f", value);
  }

  static String escape(String text) {
    return text == null
        ? ""
        : text.replace("&", "&amp;")
            .replace("<", "&lt;")
            .replace(">", "&gt;")
            .replace("\"", "&quot;");
  }
}
