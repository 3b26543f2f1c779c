package org.mecconpaas.agent;

import java.time.Duration;
import java.util.Arrays;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import org.mecconpaas.agent.runtime.ContainerRuntime;
import org.mecconpaas.agent.runtime.RuntimeUnavailable;

/**
 * {@code java -jar mec-agent.jar --master URL ...}. Exit codes: 0 stopped, 1 failure, 2 bad
 * options, 3 runtime unavailable, 4 join token or credential rejected.
 */
public final class AgentMain {
  /** Held so the level set on it is not lost when the logger is garbage-collected. */
  private static final Logger AGENT_LOGGER = Logger.getLogger("org.mecconpaas");

  private AgentMain() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  static int run(String[] args) {
    if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
      System.out.println(AgentConfig.USAGE);
      return 0;
    }
    AgentConfig config;
    try {
      config = AgentConfig.parse(args, System.getenv());
    } catch (AgentConfig.InvalidOption e) {
      System.err.println("mec-agent: " + e.getMessage() + " (--help for usage)");
      return AgentExit.USAGE;
    }
    configureLogging(config.verbose());
    ContainerRuntime runtime;
    try {
      runtime = RuntimeLoader.load(config.runtime(), config.stateDir().toAbsolutePath());
    } catch (RuntimeUnavailable e) {
      System.err.println("mec-agent: " + e.getMessage());
      return AgentExit.RUNTIME_UNAVAILABLE;
    }
    Agent agent = new Agent(config, runtime);
    Thread hook =
        new Thread(
            () -> {
              try {
                agent.stop(Duration.ofSeconds(20));
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "mec-agent-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    int code = agent.run();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // already shutting down (SIGTERM): the hook is running
    }
    return code;
  }

  /** One line per event; the agent's own events at INFO, libraries only from WARNING. */
  static void configureLogging(boolean verbose) {
    LogManager.getLogManager().reset();
    Logger root = Logger.getLogger("");
    root.setLevel(Level.WARNING);
    Handler console = new ConsoleHandler();
    console.setFormatter(new OneLineFormatter());
    console.setLevel(Level.ALL);
    root.addHandler(console);
    AGENT_LOGGER.setLevel(verbose ? Level.FINE : Level.INFO);
  }
}
