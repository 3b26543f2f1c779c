package org.mecconpaas.agent.emulation;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Small checks shared by the emulator tests: a stand-in agent and HTTP probes. */
final class Probes {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private Probes() {}

  static String python() {
    return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
  }

  static boolean onPath(String binary) {
    for (String dir : (System.getenv("PATH") + ":/usr/sbin:/sbin").split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, binary))) {
        return true;
      }
    }
    return Files.isExecutable(Path.of(binary));
  }

  /** A stand-in for the agent: a web server on the node's address, serving its state dir. */
  static EmulatorSettings standInAgents(int port) {
    return EmulatorSettings.defaults()
        .withCommand(
            (node, agentCommand) ->
                List.of(
                    python(),
                    "-m",
                    "http.server",
                    String.valueOf(port),
                    "--bind",
                    node.address(),
                    "--directory",
                    node.stateDir().toString()));
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** HTTP status of a GET, or -1 when nothing answers within 2 s. */
  static int status(String address, int port) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create("http://" + address + ":" + port + "/"))
              .timeout(Duration.ofSeconds(2))
              .build();
      return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** The state letter of /proc/PID/stat (R, S, T, Z...), or "gone". */
  static String processState(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
      return stat.substring(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    } catch (IOException e) {
      return "gone";
    }
  }
}
