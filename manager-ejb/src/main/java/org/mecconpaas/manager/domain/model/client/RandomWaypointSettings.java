package org.mecconpaas.manager.domain.model.client;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.mecconpaas.manager.domain.model.RuleViolation;
import org.mecconpaas.manager.domain.model.RuleViolation.FieldError;

/**
 * What an operator asks of the random waypoint model.
 *
 * @param clients how many clients move (ids {@code c01}, {@code c02}, ...)
 * @param seed the generators' seed: the same seed replays the same walks
 * @param speedMps walking speed range, metres per second
 * @param pauseSeconds how long a client stays at each waypoint
 */
public record RandomWaypointSettings(int clients, long seed, Span speedMps, Span pauseSeconds) {
  public static final int MAX_CLIENTS = 1000;
  public static final Span DEFAULT_SPEED = new Span(0.5, 2.0);
  public static final Span DEFAULT_PAUSE = new Span(0, 30);
  static final double MAX_SPEED = 60;
  static final double MAX_PAUSE = 86_400;

  /**
   * Validates a request field by field (422 with one message per field, nothing applied); absent
   * optional fields take the defaults, an absent seed a fresh one from {@code seeds}.
   */
  public static RandomWaypointSettings of(
      Integer clients,
      String model,
      Long seed,
      List<Double> speedMps,
      List<Double> pauseSeconds,
      LongSupplier seeds) {
    List<FieldError> errors = new ArrayList<>();
    if (model != null && !RandomWaypoint.NAME.equals(model)) {
      errors.add(
          new FieldError(
              "model", "model must be " + RandomWaypoint.NAME + " (or upload a CSV trace)"));
    }
    if (clients == null || clients < 1 || clients > MAX_CLIENTS) {
      errors.add(new FieldError("clients", "clients must be between 1 and " + MAX_CLIENTS));
    }
    Span speed = span("speedMps", speedMps, DEFAULT_SPEED, Double.MIN_VALUE, MAX_SPEED, errors);
    Span pause = span("pauseSeconds", pauseSeconds, DEFAULT_PAUSE, 0, MAX_PAUSE, errors);
    if (!errors.isEmpty()) {
      throw new RuleViolation("the mobility settings are invalid", errors);
    }
    return new RandomWaypointSettings(
        clients, seed == null ? seeds.getAsLong() : seed, speed, pause);
  }

  private static Span span(
      String field,
      List<Double> given,
      Span fallback,
      double lowest,
      double highest,
      List<FieldError> errors) {
    if (given == null) {
      return fallback;
    }
    String rule =
        field
            + " must be [min, max] with "
            + (lowest > 0 ? "0 < min" : "0 <= min")
            + " <= max <= "
            + (long) highest;
    if (given.size() != 2 || given.stream().anyMatch(java.util.Objects::isNull)) {
      errors.add(new FieldError(field, rule));
      return fallback;
    }
    double min = given.get(0);
    double max = given.get(1);
    if (min < lowest || min > max || max > highest) {
      errors.add(new FieldError(field, rule));
      return fallback;
    }
    return new Span(min, max);
  }

  /** For the audit trail: what ran. */
  public String describe() {
    return String.format(
        java.util.Locale.ROOT,
        "%s, %d clients, seed %d, speed %s-%s m/s, pause %s-%s s",
        RandomWaypoint.NAME,
        clients,
        seed,
        speedMps.min(),
        speedMps.max(),
        pauseSeconds.min(),
        pauseSeconds.max());
  }
}
