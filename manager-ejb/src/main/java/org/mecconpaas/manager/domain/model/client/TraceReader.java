package org.mecconpaas.manager.domain.model.client;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.mecconpaas.manager.domain.model.RuleViolation;
import org.mecconpaas.manager.domain.model.RuleViolation.FieldError;
import org.mecconpaas.manager.domain.model.client.MobilityTrace.Sample;
import org.mecconpaas.manager.domain.model.placement.GeoPoint;

/**
 * Reads a mobility trace, CSV {@code time,client,lat,lon} (seconds from the start, a client id, a
 * position in degrees). An optional header line, blank lines and {@code #} comments are skipped.
 * Every line is checked and a trace with any bad line is refused whole, with one error per line.
 */
public final class TraceReader {
  public static final int MAX_LINES = 200_000;
  static final int MAX_CLIENTS = RandomWaypointSettings.MAX_CLIENTS;
  static final double MAX_SECONDS = 365 * 86_400;
  static final int MAX_ERRORS_LISTED = 50;
  private static final Pattern NUMBER =
      Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");

  private final Area area;
  private final Map<String, List<Sample>> samples = new TreeMap<>();
  private final Map<String, Integer> lastLine = new HashMap<>();
  private final List<FieldError> errors = new ArrayList<>();

  private TraceReader(Area area) {
    this.area = area;
  }

  /**
   * The trace, or a {@link RuleViolation} naming every bad line; positions must lie in {@code
   * area}.
   */
  public static MobilityTrace read(String csv, Area area) {
    String[] lines = csv.split("\r?\n", -1);
    if (lines.length > MAX_LINES) {
      throw new RuleViolation("trace", "a trace has at most " + MAX_LINES + " lines");
    }
    TraceReader reader = new TraceReader(area);
    boolean first = true;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (first && line.toLowerCase(Locale.ROOT).startsWith("time")) {
        first = false;
        continue; // the header
      }
      first = false;
      reader.line(i + 1, line);
    }
    return reader.result();
  }

  private void line(int number, String line) {
    String[] fields = line.split(",", -1);
    if (fields.length != 4) {
      error(number, "expected 4 fields time,client,lat,lon but found " + fields.length);
      return;
    }
    int before = errors.size();
    Double time = number(number, "time", fields[0], 0, MAX_SECONDS);
    String client = fields[1].strip();
    if (!MobileClient.validId(client)) {
      error(number, "client must be " + MobileClient.ID_RULE + ", not '" + client + "'");
      client = null;
    }
    Double lat = number(number, "lat", fields[2], -90, 90);
    Double lon = number(number, "lon", fields[3], -180, 180);
    GeoPoint position = lat == null || lon == null ? null : new GeoPoint(lat, lon);
    if (position != null && !area.contains(position)) {
      error(number, "position " + lat + "," + lon + " is outside the nodes' area " + area);
    }
    if (time != null && client != null) {
      List<Sample> previous = samples.getOrDefault(client, List.of());
      if (!previous.isEmpty() && time <= previous.get(previous.size() - 1).time()) {
        error(
            number,
            "time "
                + fields[0].strip()
                + " is not after "
                + previous.get(previous.size() - 1).time()
                + ", the time of client "
                + client
                + " on line "
                + lastLine.get(client));
      }
    }
    if (errors.size() == before) {
      samples.computeIfAbsent(client, c -> new ArrayList<>()).add(new Sample(time, position));
      lastLine.put(client, number);
    }
  }

  private Double number(int line, String field, String text, double min, double max) {
    String value = text.strip();
    if (NUMBER.matcher(value).matches()) {
      double number = Double.parseDouble(value);
      if (number >= min && number <= max) {
        return number;
      }
    }
    error(
        line,
        field + " must be a number in [" + fmt(min) + ", " + fmt(max) + "], not '" + value + "'");
    return null;
  }

  private static String fmt(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }

  private void error(int line, String message) {
    errors.add(new FieldError("line " + line, message));
  }

  private MobilityTrace result() {
    if (errors.isEmpty() && samples.isEmpty()) {
      throw new RuleViolation("trace", "the trace has no samples");
    }
    if (errors.isEmpty() && samples.size() > MAX_CLIENTS) {
      throw new RuleViolation("trace", "a trace moves at most " + MAX_CLIENTS + " clients");
    }
    if (!errors.isEmpty()) {
      List<FieldError> listed =
          new ArrayList<>(errors.subList(0, Math.min(errors.size(), MAX_ERRORS_LISTED)));
      if (errors.size() > MAX_ERRORS_LISTED) {
        listed.add(
            new FieldError(
                "trace", (errors.size() - MAX_ERRORS_LISTED) + " more errors not listed"));
      }
      throw new RuleViolation(
          "the trace has " + errors.size() + " error(s); nothing was applied", listed);
    }
    return new MobilityTrace(samples);
  }
}
