package org.mecconpaas.agent.reconcile;

import java.nio.file.Path;
import java.util.Map;

/**
 * What a node gives every catalog role besides the instance's own variables: where the middleware
 * that Debian does not package lies ({@code MEC_MIDDLEWARE}: {@code /opt/mec/middleware} on a
 * board, the build's {@code images/middleware/target/middleware} in the emulated edge, which the
 * launcher passes down in the agent's environment), and the {@code java} to run JVM roles with
 * ({@code MEC_JAVA}: the agent's own, which LXC containers see at the same path).
 */
public final class RoleEnvironment {
  static final String DEFAULT_MIDDLEWARE = "/opt/mec/middleware";

  private RoleEnvironment() {}

  public static Map<String, String> ofThisNode() {
    return of(System.getenv(), System.getProperty("java.home"));
  }

  static Map<String, String> of(Map<String, String> agentEnv, String javaHome) {
    String middleware = agentEnv.getOrDefault("MEC_MIDDLEWARE", DEFAULT_MIDDLEWARE);
    String java = agentEnv.getOrDefault("MEC_JAVA", Path.of(javaHome, "bin", "java").toString());
    return Map.of("MEC_MIDDLEWARE", middleware, "MEC_JAVA", java);
  }
}
