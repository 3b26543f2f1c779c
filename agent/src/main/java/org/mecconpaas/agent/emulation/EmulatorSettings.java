package org.mecconpaas.agent.emulation;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;

/**
 * How the emulator starts the agents.
 *
 * @param agentJar the shaded agent jar ({@code agent/target/mec-agent.jar})
 * @param java the java binary the agents run on
 * @param heap each agent's {@code -Xmx}
 * @param shapingRate tbf rate of each node's link, both directions (tc syntax, e.g. 100mbit)
 * @param isolation whether the nodes get namespaces and cgroups
 * @param command replaces the agent command line of a node (tests start a stand-in process exactly
 *     the way agents are started); null for the real agent
 */
public record EmulatorSettings(
    Path agentJar,
    Path java,
    String heap,
    String shapingRate,
    Isolation isolation,
    BiFunction<NodePlan, List<String>, List<String>> command) {

  /** How the boards are separated from each other. */
  public enum Isolation {
    /** Namespaces and cgroups when running as root, loopback otherwise. */
    AUTO,
    /** Network namespaces on mecbr0 and cgroups; fails unless root. */
    NAMESPACES,
    /** No namespaces or cgroups: agents on 127.0.0.(10+X). */
    LOOPBACK
  }

  public static EmulatorSettings defaults() {
    return new EmulatorSettings(
        defaultAgentJar(),
        Path.of(System.getProperty("java.home"), "bin", "java"),
        "48m",
        "100mbit",
        Isolation.AUTO,
        null);
  }

  public EmulatorSettings withAgentJar(Path jar) {
    return new EmulatorSettings(jar, java, heap, shapingRate, isolation, command);
  }

  public EmulatorSettings withIsolation(Isolation value) {
    return new EmulatorSettings(agentJar, java, heap, shapingRate, value, command);
  }

  public EmulatorSettings withCommand(BiFunction<NodePlan, List<String>, List<String>> value) {
    return new EmulatorSettings(agentJar, java, heap, shapingRate, isolation, value);
  }

  /**
   * The system property {@code mec.agent.jar}; else the jar this class was loaded from (the
   * emulator runs from the shaded agent jar); else {@code target/mec-agent.jar} or {@code
   * agent/target/mec-agent.jar}, whichever exists.
   */
  static Path defaultAgentJar() {
    String property = System.getProperty("mec.agent.jar");
    if (property != null) {
      return Path.of(property);
    }
    try {
      var source = EmulatorSettings.class.getProtectionDomain().getCodeSource();
      if (source != null) {
        Path own = Path.of(source.getLocation().toURI());
        if (own.toString().endsWith(".jar")) {
          return own;
        }
      }
    } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
      // fall through to the build output
    }
    Path module = Path.of("target", "mec-agent.jar");
    return Files.exists(module) ? module : Path.of("agent", "target", "mec-agent.jar");
  }
}
