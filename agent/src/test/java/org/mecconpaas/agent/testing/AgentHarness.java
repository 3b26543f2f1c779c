package org.mecconpaas.agent.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.mecconpaas.agent.Agent;
import org.mecconpaas.agent.AgentConfig;
import org.mecconpaas.agent.runtime.process.ProcessRuntime;

/**
 * Runs agents in this JVM against a {@link FakeMaster} on one state directory, and cleans up after
 * the test: agents stopped, every container removed (which kills its process groups), the test
 * node's cgroups deleted. Close it in {@code @AfterEach} so this happens on failure too.
 */
public final class AgentHarness implements AutoCloseable {
  private final Path stateDir;
  private final String node;
  private final List<RunningAgent> agents = new ArrayList<>();
  private final List<String> errors = new java.util.concurrent.CopyOnWriteArrayList<>();

  /** An agent running on a background thread. */
  public record RunningAgent(Agent agent, CompletableFuture<Integer> exit) {
    public int awaitExit(Duration timeout) throws Exception {
      return exit.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public void stop() throws Exception {
      agent.stop(Duration.ofSeconds(20));
      exit.get(20, TimeUnit.SECONDS);
    }
  }

  public AgentHarness(Path stateDir, String node) {
    this.stateDir = stateDir;
    this.node = node;
  }

  public Path stateDir() {
    return stateDir;
  }

  /** Lines the agents reported as the reason for a non-zero exit. */
  public List<String> errors() {
    return errors;
  }

  public RunningAgent start(FakeMaster master, String... extraArgs) throws Exception {
    return start(master, true, extraArgs);
  }

  public RunningAgent start(FakeMaster master, boolean withToken, String... extraArgs)
      throws Exception {
    return start(master, withToken, 100, extraArgs);
  }

  /** An agent that beats every {@code intervalMillis} (unless something cuts the wait short). */
  public RunningAgent start(
      FakeMaster master, boolean withToken, long intervalMillis, String... extraArgs)
      throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--master",
                master.url().toString(),
                "--state-dir",
                stateDir.toString(),
                "--name",
                node,
                "--interval-ms",
                String.valueOf(intervalMillis),
                "--address",
                "127.0.0.1"));
    if (withToken) {
      args.addAll(List.of("--join-token", FakeMaster.JOIN_TOKEN));
    }
    args.addAll(List.of(extraArgs));
    AgentConfig config = AgentConfig.parse(args.toArray(String[]::new), java.util.Map.of());
    Agent agent = new Agent(config, new ProcessRuntime(stateDir), errors::add);
    CompletableFuture<Integer> exit = new CompletableFuture<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                exit.complete(agent.run());
              } catch (Throwable t) {
                exit.completeExceptionally(t);
              }
            },
            "test-agent");
    thread.setDaemon(true);
    thread.start();
    RunningAgent running = new RunningAgent(agent, exit);
    agents.add(running);
    return running;
  }

  public Path workDir(String instance) {
    return new ProcessRuntime(stateDir).workDir(instance);
  }

  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() throws IOException {
    for (RunningAgent agent : agents) {
      try {
        agent.agent().stop(Duration.ofSeconds(20));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    ProcessRuntime runtime = new ProcessRuntime(stateDir);
    for (String container : runtime.list()) {
      runtime.remove(container);
    }
    for (String controller : List.of("cpu", "memory")) {
      Path nodeGroup = Path.of("/sys/fs/cgroup", controller, "mec", node);
      try {
        Files.deleteIfExists(nodeGroup);
      } catch (IOException e) {
        // not root, or a group left non-empty: nothing to clean or nothing we can do
      }
    }
  }
}
