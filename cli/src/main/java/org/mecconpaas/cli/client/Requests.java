package org.mecconpaas.cli.client;

import java.util.List;
import java.util.Map;

/**
 * The JSON bodies the CLI sends, as JSON-B records. Optional fields are left {@code null}, which
 * JSON-B omits, so the master applies its own defaults rather than ones guessed here.
 */
public final class Requests {

  private Requests() {}

  public record NewToken(String username, String password, String name, Integer expiresInDays) {}

  public record NewUser(String username, String role) {}

  public record NewApplication(String name, String description) {}

  public record ApplicationChange(String name, String description) {}

  public record NewService(
      String name, String type, String placementPolicy, Map<String, Integer> roles) {}

  /** New instance counts per role; roles left out keep their count. */
  public record ServiceScale(Map<String, Integer> roles) {}

  public record NewEnrollmentToken(String nodeName, Integer expiresInHours) {}

  /**
   * A service's whole placement: what is left {@code null} is sent as absent, not kept from before.
   */
  public record Placement(
      String policy,
      Near near,
      Double maxUserDistanceMeters,
      List<String> nodeLabels,
      List<String> users) {}

  /** The point of the {@code near} policy; no radius: the master's (200 m). */
  public record Near(double latitude, double longitude, Double radiusMeters) {}

  /** Where to move an instance: a node by name, or the eligible node nearest a point. */
  public record MigrationTarget(String node, Double latitude, Double longitude) {}

  /** A node's labels, all of them; an empty list clears them. */
  public record NodeLabels(List<String> labels) {}

  /**
   * A Flink job to run from a code version (the master's default: the active one); {@code args} go
   * to the job's {@code main}.
   */
  public record JobSubmission(Integer codeVersion, List<String> args, Integer parallelism) {}
}
