package org.mecconpaas.agent;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.mecconpaas.agent.AgentConfig.InvalidOption;
import org.mecconpaas.agent.access.NodeAccessPoint;

/** Turns the command line into an {@link AgentConfig}, checking every value. */
final class AgentConfigParser {
  private static final Set<String> OPTIONS =
      Set.of(
          "--master",
          "--state-dir",
          "--join-token",
          "--name",
          "--latitude",
          "--longitude",
          "--cpu-millis",
          "--memory-mib",
          "--address",
          "--runtime",
          "--interval-ms",
          "--access-point",
          "--hostapd-cli");
  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
  private static final Pattern IPV4 =
      Pattern.compile(
          "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");

  private final String[] args;
  private final Map<String, String> env;
  private final Map<String, String> values = new HashMap<>();
  private boolean verbose;

  AgentConfigParser(String[] args, Map<String, String> env) {
    this.args = args;
    this.env = env;
  }

  AgentConfig parse() throws InvalidOption {
    collect();
    String token = values.getOrDefault("--join-token", env.get("MEC_JOIN_TOKEN"));
    Long cpuMillis = positive("--cpu-millis", Integer.MAX_VALUE);
    return new AgentConfig(
        master(values.get("--master")),
        Path.of(values.getOrDefault("--state-dir", "./agent-state")),
        token == null || token.isBlank() ? null : token.trim(),
        name(values.get("--name")),
        number("--latitude", -90, 90),
        number("--longitude", -180, 180),
        cpuMillis == null ? null : cpuMillis.intValue(),
        positive("--memory-mib", Long.MAX_VALUE),
        address(values.getOrDefault("--address", "127.0.0.1")),
        runtime(values.getOrDefault("--runtime", "process")),
        interval(),
        accessPoint(values.getOrDefault("--access-point", "none")),
        hostapdCli(values.getOrDefault("--hostapd-cli", "hostapd_cli")),
        verbose);
  }

  private void collect() throws InvalidOption {
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--verbose")) {
        verbose = true;
        continue;
      }
      String option = arg;
      String value;
      int equals = arg.indexOf('=');
      if (equals > 0) {
        option = arg.substring(0, equals);
        value = arg.substring(equals + 1);
      } else {
        value = i + 1 < args.length ? args[i + 1] : null;
        i++;
      }
      if (!OPTIONS.contains(option)) {
        throw new InvalidOption("unknown option '" + arg + "'");
      }
      if (value == null || (equals < 0 && value.startsWith("--"))) {
        throw new InvalidOption("option " + option + " needs a value");
      }
      if (values.put(option, value) != null) {
        throw new InvalidOption("option " + option + " given twice");
      }
    }
  }

  private static URI master(String text) throws InvalidOption {
    if (text == null) {
      return null;
    }
    try {
      URI uri = new URI(text);
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          || uri.getHost() == null) {
        throw new InvalidOption("--master must be an http(s) URL such as http://10.77.0.1:8080");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new InvalidOption("--master is not a URL: " + e.getMessage());
    }
  }

  private static String name(String text) throws InvalidOption {
    if (text != null && !DNS_LABEL.matcher(text).matches()) {
      throw new InvalidOption(
          "--name must be a DNS label (lower-case letters, digits and '-', at most 63), not '"
              + text
              + "'");
    }
    return text;
  }

  private Double number(String option, double min, double max) throws InvalidOption {
    String text = values.get(option);
    if (text == null) {
      return null;
    }
    try {
      double value = Double.parseDouble(text);
      if (!(value >= min && value <= max)) {
        throw new InvalidOption(option + " must be between " + (int) min + " and " + (int) max);
      }
      return value;
    } catch (NumberFormatException e) {
      throw new InvalidOption(option + " must be a number, not '" + text + "'");
    }
  }

  private Long positive(String option, long max) throws InvalidOption {
    String text = values.get(option);
    if (text == null) {
      return null;
    }
    try {
      long value = Long.parseLong(text);
      if (value <= 0 || value > max) {
        throw new InvalidOption(option + " must be a positive whole number");
      }
      return value;
    } catch (NumberFormatException e) {
      throw new InvalidOption(option + " must be a positive whole number, not '" + text + "'");
    }
  }

  private Long interval() throws InvalidOption {
    Long value = positive("--interval-ms", Long.MAX_VALUE);
    if (value != null && (value < 100 || value > 600_000)) {
      throw new InvalidOption("--interval-ms must be between 100 and 600000");
    }
    return value;
  }

  private static String address(String text) throws InvalidOption {
    boolean ipv6 = text.contains(":") && text.matches("[0-9a-fA-F:.]+");
    if (!IPV4.matcher(text).matches() && !ipv6) {
      throw new InvalidOption("--address must be an IP address, not '" + text + "'");
    }
    return text;
  }

  private static String accessPoint(String text) throws InvalidOption {
    if (!NodeAccessPoint.KINDS.contains(text)) {
      throw new InvalidOption(
          "--access-point must be 'none', 'emulated' or 'hostapd', not '" + text + "'");
    }
    return text;
  }

  private static String hostapdCli(String text) throws InvalidOption {
    if (text.isBlank()) {
      throw new InvalidOption("--hostapd-cli must name a command");
    }
    return text.strip();
  }

  private static String runtime(String text) throws InvalidOption {
    if (!text.equals("process") && !text.equals("lxc")) {
      throw new InvalidOption("--runtime must be 'process' or 'lxc', not '" + text + "'");
    }
    return text;
  }
}
