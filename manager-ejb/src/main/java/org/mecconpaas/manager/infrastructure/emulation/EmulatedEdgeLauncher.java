package org.mecconpaas.manager.infrastructure.emulation;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.mecconpaas.manager.infrastructure.security.PrivateFiles;

/**
 * Starts the edge emulator process, or adopts the one still running from before a master restart
 * (its PID is kept in {@code <edge-dir>/emulator.pid}).
 */
public final class EmulatedEdgeLauncher {
  private static final Logger LOG = Logger.getLogger(EmulatedEdgeLauncher.class.getName());
  private static final String EMULATOR = "org.mecconpaas.agent.emulation.EdgeEmulatorMain";

  private final Path edgeDir;
  private final EmulatedEdgeSettings settings;

  public EmulatedEdgeLauncher(Path edgeDir, EmulatedEdgeSettings settings) {
    this.edgeDir = edgeDir;
    this.settings = settings;
  }

  /** The emulator that is still running from an earlier start of the master, if any. */
  public Optional<ProcessHandle> running() {
    Path pidFile = edgeDir.resolve("emulator.pid");
    try {
      if (!Files.exists(pidFile)) {
        return Optional.empty();
      }
      long pid = Long.parseLong(Files.readString(pidFile).trim());
      return ProcessHandle.of(pid)
          .filter(ProcessHandle::isAlive)
          .filter(p -> p.info().commandLine().map(c -> c.contains(EMULATOR)).orElse(false));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * Waits until the master's API answers (agents enroll at once), then starts the emulator.
   *
   * @param tokens node name to join token, in node order
   */
  public ProcessHandle start(Path agentJar, Map<String, String> tokens)
      throws IOException, InterruptedException {
    Files.createDirectories(edgeDir);
    Path tokenFile = edgeDir.resolve("join-tokens");
    PrivateFiles.write(
        tokenFile,
        "# join tokens of "
            + String.join(", ", tokens.keySet())
            + ", one per line in node order\n"
            + String.join("\n", tokens.values())
            + "\n");
    awaitApi();
    Path edgeJar = privateCopy(agentJar);
    List<String> command =
        List.of(
            ProcessHandle.current().info().command().orElse("java"),
            "-Xmx64m",
            "-XX:+UseSerialGC",
            "-cp",
            edgeJar.toString(),
            EMULATOR,
            "--master",
            "http://127.0.0.1:" + settings.masterPort(),
            "--nodes",
            Integer.toString(settings.nodes()),
            "--tokens-file",
            tokenFile.toString(),
            "--runtime",
            settings.runtime(),
            "--base-dir",
            edgeDir.toString());
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(
                ProcessBuilder.Redirect.appendTo(edgeDir.resolve("emulator.log").toFile()))
            .start();
    Files.writeString(edgeDir.resolve("emulator.pid"), Long.toString(process.pid()));
    LOG.info(
        "emulated edge: "
            + settings.nodes()
            + " node(s) starting, log in "
            + edgeDir.resolve("emulator.log"));
    return process.toHandle();
  }

  private void awaitApi() throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    URI health = URI.create("http://127.0.0.1:" + settings.masterPort() + "/api/v1/health");
    for (int attempt = 0; attempt < 240; attempt++) {
      try {
        HttpResponse<Void> answer =
            http.send(
                HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.discarding());
        if (answer.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not serving yet
      }
      Thread.sleep(500);
    }
    LOG.warning("the API did not answer within 2 minutes; starting the emulated edge anyway");
  }

  /**
   * The edge runs its own copy of the agent jar: rebuilding the distribution (which rewrites the
   * jar in place) must not pull classes from under running agents, as it would from real boards'
   * installed agents.
   */
  private Path privateCopy(Path agentJar) throws IOException {
    Path copy = edgeDir.resolve("mec-agent.jar");
    Path partial = edgeDir.resolve("mec-agent.jar.partial");
    Files.copy(agentJar, partial, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.move(
        partial,
        copy,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    return copy;
  }
}
