package org.mecconpaas.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Cuts an emulated node off the master and back: its host-side veth goes down when the node has a
 * network namespace (the whole board is unreachable, its containers keep running), otherwise its
 * agent is frozen with SIGSTOP (the master stops hearing from it).
 */
final class EdgeLink {
  private EdgeLink() {}

  static void cut(String node, ProcessHandle agent, boolean cut)
      throws IOException, InterruptedException {
    String veth = "mec-h" + node.substring(1);
    if (Files.exists(Path.of("/sys/class/net", veth))) {
      run("ip", "link", "set", veth, cut ? "down" : "up");
    } else {
      run("kill", cut ? "-STOP" : "-CONT", Long.toString(agent.pid()));
    }
  }

  private static void run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).inheritIO().start();
    if (process.waitFor() != 0) {
      throw new IOException(String.join(" ", command) + " failed");
    }
  }
}
