package org.mecconpaas.agent;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * The agent's settings, from the command line (and {@code MEC_JOIN_TOKEN} from the environment).
 *
 * @param master null when not given: the one stored at enrollment is used
 * @param joinToken only needed for the first start
 * @param name null lets the master use the name the join token was made for
 * @param cpuMillis null: all CPUs of the board
 * @param memoryMiB null: all memory of the board
 * @param intervalMillis null: the interval the master asks for
 * @param accessPoint {@code none}, {@code emulated} (stations from the master's mobility emulation)
 *     or {@code hostapd} (stations from {@code hostapdCli all_sta})
 * @param hostapdCli the hostapd_cli command line, e.g. {@code /usr/sbin/hostapd_cli -i wlan0}
 */
public record AgentConfig(
    URI master,
    Path stateDir,
    String joinToken,
    String name,
    Double latitude,
    Double longitude,
    Integer cpuMillis,
    Long memoryMiB,
    String address,
    String runtime,
    Long intervalMillis,
    String accessPoint,
    String hostapdCli,
    boolean verbose) {

  static final String USAGE =
      "usage: mec-agent --master URL [--state-dir DIR] [--join-token T] [--name N]"
          + " [--latitude DEG] [--longitude DEG] [--cpu-millis N] [--memory-mib N]"
          + " [--address IP] [--runtime process|lxc] [--interval-ms N]"
          + " [--access-point none|emulated|hostapd] [--hostapd-cli COMMAND] [--verbose]";

  /** Parses {@code --option value} and {@code --option=value}. */
  public static AgentConfig parse(String[] args, Map<String, String> env) throws InvalidOption {
    return new AgentConfigParser(args, env).parse();
  }

  @Override
  public String toString() {
    return "AgentConfig[master=" + master + ", stateDir=" + stateDir + ", name=" + name + "]";
  }

  /** A bad command line; the message is the one line to show. */
  public static final class InvalidOption extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidOption(String message) {
      super(message);
    }
  }
}
