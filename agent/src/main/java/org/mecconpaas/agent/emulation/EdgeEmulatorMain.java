package org.mecconpaas.agent.emulation;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import org.mecconpaas.agent.emulation.EmulatorSettings.Isolation;

/**
 * Command line of the emulated edge; runs until SIGTERM or Ctrl-C, then cleans up:
 *
 * <pre>
 * java -cp mec-agent.jar org.mecconpaas.agent.emulation.EdgeEmulatorMain --master URL \
 *     --tokens-file F [--nodes 4] [--runtime process|lxc] [--layout FILE] [--base-dir DIR]
 *     [--center LAT,LON] [--spacing METERS] [--ring] [--profile rpi3|rpi4]
 *     [--agent-jar JAR] [--loopback]
 * </pre>
 */
public final class EdgeEmulatorMain {

  static final String USAGE =
      """
      usage: EdgeEmulatorMain --master URL --tokens-file FILE [options]
        --master URL        the master (agents get its port and path; host: 10.77.0.1 or 127.0.0.1)
        --tokens-file FILE  join tokens, one per line, in node order ('#' lines skipped)
        --nodes N           number of boards (default 4, or all of --layout)
        --runtime R         process (default) or lxc (root only)
        --layout FILE       'name, latitude, longitude[, profile]' per line
        --base-dir DIR      agents' state directories and logs (default ./mec-edge)
        --center LAT,LON    centre of the generated layout (default 52.16,4.49)
        --spacing METERS    distance between generated boards (default 150)
        --ring              boards on a ring instead of a grid
        --profile NAME      hardware of generated boards: rpi3 (default) or rpi4
        --agent-jar JAR     the agent jar (default: the jar this runs from)
        --loopback          no namespaces or cgroups even as root
      """;

  private EdgeEmulatorMain() {}

  /** The parsed command line. */
  record Options(
      URI master,
      Path tokensFile,
      Integer nodes,
      String runtime,
      Path layout,
      Path baseDir,
      double latitude,
      double longitude,
      double spacing,
      boolean ring,
      HardwareProfile profile,
      Path agentJar,
      boolean loopback) {

    EdgeLayout edgeLayout() throws IOException {
      if (layout != null) {
        EdgeLayout read = EdgeLayout.read(layout);
        return nodes == null ? read : read.first(nodes);
      }
      int n = nodes == null ? 4 : nodes;
      return ring
          ? EdgeLayout.ring(n, latitude, longitude, spacing, profile)
          : EdgeLayout.grid(n, latitude, longitude, spacing, profile);
    }
  }

  static Options parse(String[] args) {
    URI master = null;
    Path tokens = null;
    Integer nodes = null;
    String runtime = "process";
    Path layout = null;
    Path baseDir = Path.of("mec-edge");
    double lat = EdgeLayout.DEFAULT_LATITUDE;
    double lon = EdgeLayout.DEFAULT_LONGITUDE;
    double spacing = EdgeLayout.DEFAULT_SPACING_METERS;
    boolean ring = false;
    HardwareProfile profile = HardwareProfile.RPI3;
    Path jar = null;
    boolean loopback = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--ring" -> ring = true;
        case "--loopback" -> loopback = true;
        case "--help", "-h" -> throw new UsageException("");
        default -> {
          if (i + 1 >= args.length) {
            throw new UsageException("missing value after " + arg);
          }
          String value = args[++i];
          switch (arg) {
            case "--master" -> master = URI.create(value);
            case "--tokens-file" -> tokens = Path.of(value);
            case "--nodes" -> nodes = Integer.valueOf(value);
            case "--runtime" -> runtime = value.toLowerCase(Locale.ROOT);
            case "--layout" -> layout = Path.of(value);
            case "--base-dir" -> baseDir = Path.of(value);
            case "--center" -> {
              String[] parts = value.split(",");
              if (parts.length != 2) {
                throw new UsageException("--center wants LAT,LON");
              }
              lat = Double.parseDouble(parts[0].strip());
              lon = Double.parseDouble(parts[1].strip());
            }
            case "--spacing" -> spacing = Double.parseDouble(value);
            case "--profile" -> profile = HardwareProfile.byName(value);
            case "--agent-jar" -> jar = Path.of(value);
            default -> throw new UsageException("unknown option " + arg);
          }
        }
      }
    }
    if (master == null || tokens == null) {
      throw new UsageException("--master and --tokens-file are required");
    }
    if (!runtime.equals("process") && !runtime.equals("lxc")) {
      throw new UsageException("--runtime must be process or lxc");
    }
    return new Options(
        master, tokens, nodes, runtime, layout, baseDir, lat, lon, spacing, ring, profile, jar,
        loopback);
  }

  /** Join tokens, one per line; blank lines and '#' comments are skipped. */
  static List<String> readTokens(Path file) throws IOException {
    List<String> tokens = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      String token = line.strip();
      if (!token.isEmpty() && !token.startsWith("#")) {
        tokens.add(token);
      }
    }
    return tokens;
  }

  public static void main(String[] args) throws Exception {
    Options options;
    try {
      options = parse(args);
    } catch (IllegalArgumentException e) {
      boolean help = e instanceof UsageException && e.getMessage().isEmpty();
      if (!help) {
        System.err.println("error: " + e.getMessage());
      }
      (help ? System.out : System.err).print(USAGE);
      System.exit(help ? 0 : 2);
      return;
    }
    EmulatorSettings settings = EmulatorSettings.defaults();
    if (options.agentJar() != null) {
      settings = settings.withAgentJar(options.agentJar());
    }
    if (options.loopback()) {
      settings = settings.withIsolation(Isolation.LOOPBACK);
    }
    EmulatedEdge edge;
    try {
      edge =
          EmulatedEdge.start(
              options.edgeLayout(),
              options.baseDir(),
              options.master(),
              readTokens(options.tokensFile()),
              options.runtime(),
              settings);
    } catch (IOException | IllegalStateException | IllegalArgumentException e) {
      System.err.println("error: the emulated edge did not start: " + e.getMessage());
      System.exit(1);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  // java.util.logging is shut down by its own hook meanwhile: plain output here
                  System.out.println(
                      "stopping the emulated edge: agents, containers, namespaces, veths, bridge,"
                          + " qdiscs, cgroups");
                  edge.close();
                  System.out.println("emulated edge stopped and cleaned up");
                  stopped.countDown();
                },
                "mec-edge-cleanup"));
    printNodes(edge, System.out);
    stopped.await();
  }

  static void printNodes(EmulatedEdge edge, PrintStream out) {
    out.printf(
        "emulated edge up: %d nodes, %s, agents reach the master at %s%n",
        edge.nodes().size(),
        edge.namespaced() ? "namespaces on mecbr0" : "loopback (no namespaces)",
        edge.agentMasterUrl());
    out.printf(
        "%-12s %-12s %-11s %-11s %-8s %s%n",
        "NODE", "ADDRESS", "LATITUDE", "LONGITUDE", "PID", "LOG");
    for (EmulatedNode n : edge.nodes()) {
      out.printf(
          Locale.ROOT,
          "%-12s %-12s %-11.6f %-11.6f %-8d %s%n",
          n.name(),
          n.address(),
          n.latitude(),
          n.longitude(),
          n.pid(),
          n.log());
    }
    out.println("stop with Ctrl-C or SIGTERM");
  }

  /** A command-line mistake; the message is shown with the usage. */
  static final class UsageException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }
}
