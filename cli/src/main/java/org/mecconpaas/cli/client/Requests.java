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
   * A Flink job to run from a code version (the master's default: the active one); {@code args} go
   * to the job's {@code main}.
   */
  public record JobSubmission(Integer codeVersion, List<String> args, Integer parallelism) {}
}
