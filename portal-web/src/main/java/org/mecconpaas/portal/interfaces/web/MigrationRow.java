package org.mecconpaas.portal.interfaces.web;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.mecconpaas.manager.domain.model.service.Migration;

/** A migration in the service page's table, with its times already written for people. */
public record MigrationRow(
    long id,
    String instance,
    String targetInstance,
    String from,
    String to,
    String trigger,
    String triggerDetail,
    String state,
    boolean active,
    String toHealthy,
    String total,
    String message,
    Instant requestedAt)
    implements Serializable {

  public static List<MigrationRow> of(List<Migration> migrations, Instant now) {
    return migrations.stream().map(m -> of(m, now)).toList();
  }

  static MigrationRow of(Migration m, Instant now) {
    return new MigrationRow(
        m.id() == null ? 0 : m.id(),
        m.instanceName(),
        m.targetInstance(),
        m.fromNode() == null ? "—" : m.fromNode(),
        m.toNode(),
        trigger(m.trigger()),
        m.triggerDetail(),
        m.state().name(),
        m.state().active(),
        toHealthy(m.requestedAt(), m.healthyAt()),
        total(m.requestedAt(), m.finishedAt(), now),
        m.message(),
        m.requestedAt());
  }

  /** "manual", "follow-me". */
  static String trigger(Migration.Trigger trigger) {
    return trigger == null ? "" : trigger.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** From the request until the destination ran; a dash while it does not run yet. */
  public static String toHealthy(Instant requested, Instant healthy) {
    return requested == null || healthy == null ? "—" : span(requested, healthy);
  }

  /** From the request until the migration ended, or how long it has run so far. */
  public static String total(Instant requested, Instant finished, Instant now) {
    if (requested == null) {
      return "—";
    }
    return finished == null ? span(requested, now) + " so far" : span(requested, finished);
  }

  private static String span(Instant from, Instant to) {
    return Formats.duration(Math.max(0, Duration.between(from, to).toMillis()));
  }
}
