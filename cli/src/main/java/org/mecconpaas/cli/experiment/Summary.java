package org.mecconpaas.cli.experiment;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The figures of a run, per service, from what was recorded: latency percentiles of the answered
 * requests (nearest rank), failures and those sent while one of the service's migrations was under
 * way, slots skipped for want of an access point, and for each finished migration the hand-over
 * times (see {@link Handover}). Pure: computed from values, testable without a master.
 */
record Summary(List<ServiceFigures> services, long skipped) {

  /** One service's figures; latencies in milliseconds, {@code NaN} without answered requests. */
  record ServiceFigures(
      String service,
      long requests,
      long failed,
      long failedDuringMigrations,
      double p50,
      double p90,
      double p99,
      double max,
      long migrationsDone,
      long migrationsOther,
      List<Handover> handovers) {

    /** The largest switch-to-serve time, or empty without hand-overs. */
    Optional<Double> worstSwitchToServe() {
      return handovers.stream()
          .map(Handover::switchToServeSeconds)
          .filter(s -> !Double.isNaN(s))
          .max(Comparator.naturalOrder());
    }
  }

  /**
   * One finished migration seen from the clients.
   *
   * @param firstServedSeconds run time of the first request the new instance answered (NaN: none)
   * @param switchToServeSeconds from the master switching the routes to that request
   * @param associationToServeSeconds from the association change that called for the move (the
   *     latest one onto the destination's access point before it was requested; follow-me only) to
   *     that request; NaN when unknown
   */
  record Handover(
      long migration,
      String from,
      String to,
      double firstServedSeconds,
      double switchToServeSeconds,
      double associationToServeSeconds) {}

  static Summary of(
      List<String> services,
      List<RequestRecord> requests,
      List<MigrationRecord> migrations,
      List<AssociationChange> changes,
      Map<String, Long> skippedPerClient,
      RunClock clock) {
    return of(
        services,
        requests,
        migrations,
        changes,
        skippedPerClient,
        Map.of(),
        java.time.Duration.ZERO,
        clock);
  }

  /**
   * @param usersOf the clients a service follows, where the scenario names them: only their
   *     association changes call for its migrations
   * @param warmup requests sent before it are left out of the latency percentiles (failures and
   *     hand-overs count from the start)
   */
  static Summary of(
      List<String> services,
      List<RequestRecord> requests,
      List<MigrationRecord> migrations,
      List<AssociationChange> changes,
      Map<String, Long> skippedPerClient,
      Map<String, Set<String>> usersOf,
      java.time.Duration warmup,
      RunClock clock) {
    List<ServiceFigures> figures = new ArrayList<>();
    for (String service : services) {
      List<RequestRecord> mine =
          requests.stream().filter(r -> r.service().equals(service)).toList();
      List<MigrationRecord> moves =
          migrations.stream().filter(m -> m.service().equals(service)).toList();
      Set<String> users = usersOf.getOrDefault(service, Set.of());
      List<AssociationChange> theirs =
          users.isEmpty()
              ? changes
              : changes.stream().filter(c -> users.contains(c.client())).toList();
      figures.add(figures(service, mine, moves, theirs, warmup.toMillis() / 1000.0, clock));
    }
    long skipped = skippedPerClient.values().stream().mapToLong(Long::longValue).sum();
    return new Summary(figures, skipped);
  }

  private static ServiceFigures figures(
      String service,
      List<RequestRecord> requests,
      List<MigrationRecord> migrations,
      List<AssociationChange> changes,
      double warmupSeconds,
      RunClock clock) {
    double[] latencies =
        requests.stream()
            .filter(RequestRecord::ok)
            .filter(r -> clock.seconds(r.at()) >= warmupSeconds)
            .mapToDouble(RequestRecord::latencyMillis)
            .sorted()
            .toArray();
    long failed = requests.stream().filter(r -> !r.ok()).count();
    long duringMigrations =
        requests.stream().filter(r -> !r.ok() && during(r.at(), migrations)).count();
    List<Handover> handovers = new ArrayList<>();
    for (MigrationRecord m : migrations) {
      if (m.done()) {
        handovers.add(handover(m, requests, changes, clock));
      }
    }
    handovers.sort(Comparator.comparingLong(Handover::migration));
    long done = migrations.stream().filter(MigrationRecord::done).count();
    return new ServiceFigures(
        service,
        requests.size(),
        failed,
        duringMigrations,
        percentile(latencies, 50),
        percentile(latencies, 90),
        percentile(latencies, 99),
        latencies.length == 0 ? Double.NaN : latencies[latencies.length - 1],
        done,
        migrations.size() - done,
        handovers);
  }

  /** Whether {@code at} falls between a migration's request and its end (or now, if it runs). */
  static boolean during(Instant at, List<MigrationRecord> migrations) {
    for (MigrationRecord m : migrations) {
      Instant end = m.finishedAt() == null ? Instant.MAX : m.finishedAt();
      if (m.requestedAt() != null && !at.isBefore(m.requestedAt()) && !at.isAfter(end)) {
        return true;
      }
    }
    return false;
  }

  static Handover handover(
      MigrationRecord m,
      List<RequestRecord> requests,
      List<AssociationChange> changes,
      RunClock clock) {
    Optional<RequestRecord> first =
        requests.stream()
            .filter(RequestRecord::ok)
            .filter(r -> m.requestedAt() == null || !r.at().isBefore(m.requestedAt()))
            .filter(
                r ->
                    m.to() != null && m.to().equals(r.servingNode())
                        || m.target() != null && m.target().equals(r.instance()))
            .min(Comparator.comparing(RequestRecord::at));
    if (first.isEmpty()) {
      return new Handover(m.id(), m.from(), m.to(), Double.NaN, Double.NaN, Double.NaN);
    }
    Instant served = first.get().at();
    double switchToServe = m.switchedAt() == null ? Double.NaN : seconds(m.switchedAt(), served);
    double associationToServe = Double.NaN;
    if ("follow-me".equals(m.trigger()) && m.requestedAt() != null) {
      associationToServe =
          changes.stream()
              .filter(
                  c -> m.to() != null && m.to().equals(c.to()) && !c.at().isAfter(m.requestedAt()))
              .max(Comparator.comparing(AssociationChange::at))
              .map(c -> seconds(c.at(), served))
              .orElse(Double.NaN);
    }
    return new Handover(
        m.id(), m.from(), m.to(), clock.seconds(served), switchToServe, associationToServe);
  }

  /** Nearest-rank percentile of sorted values; NaN when there are none. */
  static double percentile(double[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(p / 100 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  private static double seconds(Instant from, Instant to) {
    return Duration.between(from, to).toNanos() / 1e9;
  }

  /** The figures as the run prints them and writes them to summary.txt. */
  String text() {
    StringBuilder out = new StringBuilder();
    for (ServiceFigures s : services) {
      out.append(
          String.format(
              Locale.ROOT,
              "%s: %d requests, %d failed (%d during migrations); latency p50 %s, p90 %s, p99 %s,"
                  + " max %s ms; migrations %d done, %d not%n",
              s.service(),
              s.requests(),
              s.failed(),
              s.failedDuringMigrations(),
              ms(s.p50()),
              ms(s.p90()),
              ms(s.p99()),
              ms(s.max()),
              s.migrationsDone(),
              s.migrationsOther()));
      for (Handover h : s.handovers()) {
        out.append(
            String.format(
                Locale.ROOT,
                "  migration %d %s -> %s: first served by the new instance at %s s; %s s after the"
                    + " switch, %s s after the association change%n",
                h.migration(),
                h.from(),
                h.to(),
                sec(h.firstServedSeconds()),
                sec(h.switchToServeSeconds()),
                sec(h.associationToServeSeconds())));
      }
    }
    out.append("slots skipped (client without access point): ").append(skipped).append('\n');
    return out.toString();
  }

  /** The figures as JSON (summary.json), for scripts; NaN figures are null. */
  jakarta.json.JsonObject json() {
    jakarta.json.JsonArrayBuilder list = jakarta.json.Json.createArrayBuilder();
    for (ServiceFigures s : services) {
      jakarta.json.JsonArrayBuilder handovers = jakarta.json.Json.createArrayBuilder();
      for (Handover h : s.handovers()) {
        handovers.add(
            jakarta.json.Json.createObjectBuilder()
                .add("migration", h.migration())
                .add("from", String.valueOf(h.from()))
                .add("to", String.valueOf(h.to()))
                .add("firstServedSeconds", number(h.firstServedSeconds()))
                .add("switchToServeSeconds", number(h.switchToServeSeconds()))
                .add("associationToServeSeconds", number(h.associationToServeSeconds())));
      }
      list.add(
          jakarta.json.Json.createObjectBuilder()
              .add("service", s.service())
              .add("requests", s.requests())
              .add("failed", s.failed())
              .add("failedDuringMigrations", s.failedDuringMigrations())
              .add("p50Millis", number(s.p50()))
              .add("p90Millis", number(s.p90()))
              .add("p99Millis", number(s.p99()))
              .add("maxMillis", number(s.max()))
              .add("migrationsDone", s.migrationsDone())
              .add("migrationsOther", s.migrationsOther())
              .add("handovers", handovers));
    }
    return jakarta.json.Json.createObjectBuilder()
        .add("services", list)
        .add("skipped", skipped)
        .build();
  }

  private static jakarta.json.JsonValue number(double value) {
    return Double.isNaN(value)
        ? jakarta.json.JsonValue.NULL
        : jakarta.json.Json.createValue(Math.round(value * 1000) / 1000.0);
  }

  static String ms(double value) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.1f", value);
  }

  static String sec(double value) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.2f", value);
  }
}
