package org.mecconpaas.it.bench;

import jakarta.json.Json;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.mecconpaas.it.ApiClient;
import org.mecconpaas.it.EmulatedEdgeProcess;
import org.mecconpaas.it.RunningMaster;

/**
 * An emulated edge of one larger board, started by the benchmark next to a master without an edge
 * of its own. Needed for the memory figure: a Raspberry Pi 3 node (the master's emulated edge)
 * offers 1,000 CPU millis and every instance asks for 250, so it never holds the 5 instances the
 * figure is about; a Pi 4 profile (the emulator's {@code --profile rpi4}) does. Same emulator, same
 * agent command line, namespaces and cgroups as the master's own edge; only the profile differs,
 * which the master has no option for.
 */
final class BoardEmulator {
  static final String NODE = "n1";
  static final String PROFILE = "rpi4";

  private BoardEmulator() {}

  /**
   * Starts the emulator as the master would ({@code EmulatedEdgeLauncher}): a join token for the
   * node, the tokens file and {@code emulator.pid} / {@code emulator.log} in the master's edge
   * directory, so that {@link EmulatedEdgeProcess#stop} finds it. The agents inherit {@code
   * MALLOC_ARENA_MAX=2}, as they do from the {@code mec-master} launcher.
   */
  static Process start(RunningMaster master, ApiClient admin, Path agentJar, String runtime)
      throws IOException, InterruptedException {
    Path edgeDir = master.setup().dataDir().resolve("edge");
    Files.createDirectories(edgeDir);
    String token =
        admin
            .post(
                "/nodes/enrollment-tokens",
                Json.createObjectBuilder().add("nodeName", NODE).build())
            .expect(201)
            .object()
            .getString("token");
    Path tokens = edgeDir.resolve("join-tokens");
    Files.writeString(tokens, token + "\n");
    List<String> command =
        List.of(
            ProcessHandle.current().info().command().orElse("java"),
            "-Xmx64m",
            "-XX:+UseSerialGC",
            "-cp",
            agentJar.toString(),
            "org.mecconpaas.agent.emulation." + EdgeSlot.EMULATOR,
            "--master",
            "http://127.0.0.1:" + master.port(),
            "--nodes",
            "1",
            "--profile",
            PROFILE,
            "--tokens-file",
            tokens.toString(),
            "--runtime",
            runtime,
            "--base-dir",
            edgeDir.toString());
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(
                ProcessBuilder.Redirect.appendTo(edgeDir.resolve("emulator.log").toFile()))
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder.environment().put("MALLOC_ARENA_MAX", "2");
    Process emulator = builder.start();
    Files.writeString(edgeDir.resolve("emulator.pid"), Long.toString(emulator.pid()));
    return emulator;
  }
}
