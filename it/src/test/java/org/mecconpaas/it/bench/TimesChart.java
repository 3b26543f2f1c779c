package org.mecconpaas.it.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A grouped bar chart of processing times as a self-contained SVG (no scripts, no external files):
 * per video one bar per series at the trimmed mean, with a whisker from the fastest to the slowest
 * run, and the mean written above the bar.
 */
final class TimesChart {
  private static final String[] COLOURS = {"#4e79a7", "#f28e2b", "#59a14f", "#e15759"};
  private static final int WIDTH = 760;
  private static final int HEIGHT = 400;
  private static final int LEFT = 64;
  private static final int RIGHT = 16;
  private static final int TOP = 48;
  private static final int BOTTOM = 72;

  private final String title;
  private final List<String> videos = new ArrayList<>();
  private final Map<String, Map<String, JobTimes>> series = new LinkedHashMap<>();

  TimesChart(String title) {
    this.title = title;
  }

  /** Adds a video's times of one series; series and videos keep the order they came in. */
  void add(String seriesName, String video, JobTimes times) {
    if (!videos.contains(video)) {
      videos.add(video);
    }
    series.computeIfAbsent(seriesName, s -> new LinkedHashMap<>()).put(video, times);
  }

  String svg() {
    double top = niceCeiling(maxMillis() / 1000.0);
    double plotHeight = HEIGHT - TOP - BOTTOM;
    double groupWidth = (WIDTH - LEFT - RIGHT) / (double) Math.max(1, videos.size());
    double barWidth = groupWidth * 0.7 / Math.max(1, series.size());
    StringBuilder svg = new StringBuilder();
    svg.append(
        format(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d"
                + " %d\" font-family=\"sans-serif\" font-size=\"12\">%n",
            WIDTH, HEIGHT, WIDTH, HEIGHT));
    svg.append(format("<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, HEIGHT));
    svg.append(
        format(
            "<text x=\"%d\" y=\"20\" font-size=\"14\" font-weight=\"bold\">%s</text>%n",
            LEFT, escape(title)));
    for (int tick = 0; tick <= 5; tick++) {
      double seconds = top * tick / 5;
      double y = TOP + plotHeight - plotHeight * tick / 5;
      svg.append(
          format(
              "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                  + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s s</text>%n",
              LEFT, WIDTH - RIGHT, y, y, LEFT - 6, y + 4, number(seconds)));
    }
    int s = 0;
    for (Map.Entry<String, Map<String, JobTimes>> entry : series.entrySet()) {
      String colour = COLOURS[s % COLOURS.length];
      for (int v = 0; v < videos.size(); v++) {
        JobTimes times = entry.getValue().get(videos.get(v));
        if (times == null) {
          continue;
        }
        double x = LEFT + v * groupWidth + groupWidth * 0.15 + s * barWidth;
        bar(svg, x, barWidth, times, top, plotHeight, colour);
      }
      double legendX = LEFT + s * 230;
      svg.append(
          format(
              "<rect x=\"%.1f\" y=\"28\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                  + "<text x=\"%.1f\" y=\"38\">%s</text>%n",
              legendX, colour, legendX + 16, escape(entry.getKey())));
      s++;
    }
    for (int v = 0; v < videos.size(); v++) {
      svg.append(
          format(
              "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
              LEFT + v * groupWidth + groupWidth / 2, HEIGHT - BOTTOM + 18, escape(videos.get(v))));
    }
    svg.append(
        format(
            "<text x=\"%d\" y=\"%d\" fill=\"#555\">bars: mean without the fastest and slowest"
                + " run; whiskers: fastest to slowest run</text>%n",
            LEFT, HEIGHT - 20));
    return svg.append("</svg>\n").toString();
  }

  private static void bar(
      StringBuilder svg,
      double x,
      double width,
      JobTimes times,
      double top,
      double plotHeight,
      String colour) {
    double base = TOP + plotHeight;
    double height = plotHeight * times.trimmedMean() / 1000.0 / top;
    double low = base - plotHeight * times.min() / 1000.0 / top;
    double high = base - plotHeight * times.max() / 1000.0 / top;
    double middle = x + width / 2;
    svg.append(
        format(
            "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>"
                + "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#222\"/>"
                + "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"10\">%s</text>%n",
            x,
            base - height,
            width * 0.9,
            height,
            colour,
            middle,
            middle,
            low,
            high,
            middle,
            high - 4,
            number(times.trimmedMean() / 1000.0)));
  }

  private long maxMillis() {
    return series.values().stream()
        .flatMap(m -> m.values().stream())
        .mapToLong(JobTimes::max)
        .max()
        .orElse(1000);
  }

  /** 1, 2 or 5 times a power of ten, at least {@code value}. */
  static double niceCeiling(double value) {
    double power = Math.pow(10, Math.floor(Math.log10(Math.max(value, 1e-3))));
    for (double step : new double[] {1, 2, 5, 10}) {
      if (step * power >= value) {
        return step * power;
      }
    }
    return 10 * power;
  }

  private static String number(double value) {
    return value == Math.rint(value)
        ? String.format(Locale.ROOT, "%.0f", value)
        : String.format(Locale.ROOT, "%.1f", value);
  }

  private static String format(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
