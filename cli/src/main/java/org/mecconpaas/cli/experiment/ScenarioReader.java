package org.mecconpaas.cli.experiment;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mecconpaas.cli.experiment.Scenario.ExpectedNodes;
import org.mecconpaas.cli.experiment.Scenario.Load;
import org.mecconpaas.cli.experiment.Scenario.Movement;
import org.mecconpaas.cli.experiment.Scenario.Near;
import org.mecconpaas.cli.experiment.Scenario.Placement;
import org.mecconpaas.cli.experiment.Scenario.RandomWaypoint;
import org.mecconpaas.cli.experiment.Scenario.ServicePlan;
import org.mecconpaas.cli.experiment.Scenario.Trace;

/**
 * Reads a scenario file (YAML subset, or JSON when it starts with <code>{</code>) and checks all of
 * it before anything is deployed: unknown fields, numbers out of range, missing bundles and traces,
 * bad trace lines. Paths are relative to the scenario's directory. See docs/experiments.md.
 */
public final class ScenarioReader {
  static final Set<String> POLICIES = Set.of("spread", "pack", "near", "near-users");
  private static final Pattern DNS_LABEL = Pattern.compile("[a-z]([a-z0-9-]{0,61}[a-z0-9])?");
  private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|min|h)?");
  private static final double MAX_RATE = 50;
  private static final int MAX_CLIENTS = 1000;

  private final Tree tree = new Tree();
  private final Path base;

  private ScenarioReader(Path base) {
    this.base = base;
  }

  /** Reads and checks {@code file}; throws {@link ScenarioException} with every problem. */
  public static Scenario read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ScenarioException(file.toString(), List.of("cannot read it: " + e.getMessage()));
    }
    String fileName = file.getFileName().toString();
    String defaultName = fileName.replaceFirst("\\.(ya?ml|json)$", "");
    Path dir = file.toAbsolutePath().getParent();
    return parse(text, file.toString(), dir, defaultName);
  }

  /** Checks a scenario's text; {@code base} resolves its relative paths. */
  public static Scenario parse(String text, String source, Path base, String defaultName) {
    Object root;
    try {
      root = text.stripLeading().startsWith("{") ? fromJson(text) : YamlSubset.parse(text);
    } catch (IllegalArgumentException | JsonParsingException e) {
      throw new ScenarioException(source, List.of(e.getMessage()));
    }
    ScenarioReader reader = new ScenarioReader(base);
    Scenario scenario = reader.scenario(root, defaultName);
    if (!reader.tree.problems().isEmpty() || scenario == null) {
      throw new ScenarioException(source, reader.tree.problems());
    }
    return scenario;
  }

  private Scenario scenario(Object root, String defaultName) {
    if (root == null) {
      tree.problem("scenario", "the file is empty");
      return null;
    }
    Map<String, Object> top =
        tree.mapping(
            root,
            "",
            Set.of("name", "application", "duration", "nodes", "services", "clients", "load"));
    if (top == null) {
      return null;
    }
    String name = tree.string(top.get("name"), "name");
    String application = label(tree.required(top.get("application"), "application"), "application");
    Duration duration = duration(tree.required(top.get("duration"), "duration"), "duration");
    ExpectedNodes nodes = expectedNodes(top.get("nodes"));
    List<ServicePlan> services = services(top.get("services"));
    Movement movement = movement(top.get("clients"));
    Load load = load(top.get("load"));
    if (!tree.problems().isEmpty()) {
      return null;
    }
    return new Scenario(
        name == null ? defaultName : name, application, duration, nodes, services, movement, load);
  }

  /** A duration: {@code 300}, {@code 300s}, {@code 5m}, {@code 1h}, {@code 500ms}. */
  public static Duration parseDuration(String text) {
    Matcher m = DURATION.matcher(text.strip());
    if (!m.matches()) {
      return null;
    }
    double amount = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    double millis =
        switch (unit) {
          case "ms" -> amount;
          case "m", "min" -> amount * 60_000;
          case "h" -> amount * 3_600_000;
          default -> amount * 1000;
        };
    return Duration.ofMillis(Math.round(millis));
  }

  private Duration duration(String text, String path) {
    if (text == null) {
      return null;
    }
    Duration duration = parseDuration(text);
    if (duration == null || duration.isZero()) {
      tree.problem(path, "expected a duration above zero such as 300s or 5m, got '" + text + "'");
      return null;
    }
    return duration;
  }

  private String label(String text, String path) {
    if (text != null && !DNS_LABEL.matcher(text).matches()) {
      tree.problem(path, "'" + text + "' is no name: a-z, 0-9 and -, starting with a letter");
      return null;
    }
    return text;
  }

  private ExpectedNodes expectedNodes(Object value) {
    if (value == null) {
      return ExpectedNodes.NONE;
    }
    if (value instanceof List<?> list) {
      List<String> names = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        String node = tree.string(list.get(i), "nodes[" + i + "]");
        if (node != null) {
          names.add(node);
        }
      }
      return new ExpectedNodes(names.size(), names);
    }
    Long count = tree.integer(value, "nodes");
    if (count != null && count < 1) {
      tree.problem("nodes", "expected at least 1 node, got " + count);
    }
    return count == null ? ExpectedNodes.NONE : new ExpectedNodes(count.intValue(), List.of());
  }

  private List<ServicePlan> services(Object value) {
    List<?> list = tree.list(value, "services");
    if (list == null) {
      if (value == null) {
        tree.problem("services", "required: at least one service");
      }
      return List.of();
    }
    if (list.isEmpty()) {
      tree.problem("services", "at least one service is needed");
    }
    List<ServicePlan> services = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      ServicePlan plan = service(list.get(i), "services[" + i + "]");
      if (plan != null && !names.add(plan.name())) {
        tree.problem("services[" + i + "].name", "'" + plan.name() + "' is used twice");
      }
      if (plan != null) {
        services.add(plan);
      }
    }
    return services;
  }

  private ServicePlan service(Object value, String path) {
    Map<String, Object> map =
        tree.mapping(value, path, Set.of("name", "type", "bundle", "roles", "placement", "run"));
    if (map == null) {
      if (value == null) {
        tree.problem(path, "empty service");
      }
      return null;
    }
    String name = label(tree.required(map.get("name"), path + ".name"), path + ".name");
    String type = tree.string(map.get("type"), path + ".type");
    type = type == null ? "generic" : type;
    Path bundle = bundle(tree.string(map.get("bundle"), path + ".bundle"), path + ".bundle");
    Map<String, Integer> roles = roles(map.get("roles"), path + ".roles");
    Placement placement = placement(map.get("placement"), path + ".placement");
    Boolean run = tree.bool(map.get("run"), path + ".run");
    if (name == null) {
      return null;
    }
    return new ServicePlan(
        name, type, bundle, roles, placement, run == null ? type.equals("generic") : run);
  }

  private Path bundle(String text, String path) {
    if (text == null) {
      return null;
    }
    Path bundle = base.resolve(text).normalize();
    if (!Files.exists(bundle)) {
      tree.problem(path, "no such file or directory: " + bundle);
      return null;
    }
    if (!Files.isDirectory(bundle) && !Files.isReadable(bundle)) {
      tree.problem(path, "cannot read " + bundle);
      return null;
    }
    return bundle;
  }

  private Map<String, Integer> roles(Object value, String path) {
    Map<String, Object> map = value instanceof Map<?, ?> ? mappingAnyKeys(value) : null;
    if (value != null && map == null) {
      tree.problem(path, "expected a mapping role: count");
    }
    Map<String, Integer> roles = new LinkedHashMap<>();
    if (map != null) {
      map.forEach(
          (role, count) -> {
            Long n = tree.integer(count, path + "." + role);
            if (n != null && (n < 0 || n > 64)) {
              tree.problem(path + "." + role, "expected 0..64 instances, got " + n);
            } else if (n != null) {
              roles.put(role, n.intValue());
            }
          });
    }
    return roles;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> mappingAnyKeys(Object value) {
    return (Map<String, Object>) value;
  }

  private Placement placement(Object value, String path) {
    Map<String, Object> map =
        tree.mapping(
            value, path, Set.of("policy", "near", "maxUserDistanceMeters", "nodeLabels", "users"));
    if (map == null) {
      return null;
    }
    String policy = tree.required(map.get("policy"), path + ".policy");
    if (policy != null && !POLICIES.contains(policy)) {
      tree.problem(
          path + ".policy", "unknown policy '" + policy + "' (spread, pack, near, near-users)");
    }
    Near near = near(map.get("near"), path + ".near");
    if ("near".equals(policy) && near == null && map.get("near") == null) {
      tree.problem(path + ".near", "the near policy needs a point");
    }
    Double maxDistance =
        tree.positive(map.get("maxUserDistanceMeters"), path + ".maxUserDistanceMeters", false);
    List<String> labels = strings(map.get("nodeLabels"), path + ".nodeLabels");
    List<String> users = strings(map.get("users"), path + ".users");
    if (users != null && !"near-users".equals(policy)) {
      tree.problem(path + ".users", "users only apply to the near-users policy");
    }
    return new Placement(policy, near, maxDistance, labels, users);
  }

  /** A list of strings, or null when absent. */
  private List<String> strings(Object value, String path) {
    List<?> raw = tree.list(value, path);
    if (raw == null) {
      return null;
    }
    List<String> strings = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      String string = tree.string(raw.get(i), path + "[" + i + "]");
      if (string != null) {
        strings.add(string);
      }
    }
    return strings;
  }

  private Near near(Object value, String path) {
    Map<String, Object> map =
        tree.mapping(value, path, Set.of("latitude", "longitude", "radiusMeters"));
    if (map == null) {
      return null;
    }
    Double lat = tree.number(map.get("latitude"), path + ".latitude");
    Double lon = tree.number(map.get("longitude"), path + ".longitude");
    Double radius = tree.positive(map.get("radiusMeters"), path + ".radiusMeters", false);
    if (lat == null || lon == null) {
      if (map.get("latitude") == null || map.get("longitude") == null) {
        tree.problem(path, "needs latitude and longitude");
      }
      return null;
    }
    if (lat < -90 || lat > 90) {
      tree.problem(path + ".latitude", "outside -90..90");
    }
    if (lon < -180 || lon > 180) {
      tree.problem(path + ".longitude", "outside -180..180");
    }
    return new Near(lat, lon, radius);
  }

  private Movement movement(Object value) {
    Map<String, Object> map =
        tree.mapping(value, "clients", Set.of("randomWaypoint", "trace", "ids"));
    if (map == null) {
      if (value == null) {
        tree.problem("clients", "required: randomWaypoint or trace");
      }
      return null;
    }
    boolean walk = map.containsKey("randomWaypoint");
    boolean trace = map.containsKey("trace");
    if (walk == trace) {
      tree.problem("clients", "give exactly one of randomWaypoint and trace");
      return null;
    }
    if (walk) {
      if (map.containsKey("ids")) {
        tree.problem("clients.ids", "only for a trace: random waypoint clients are c01, c02, ...");
      }
      return randomWaypoint(map.get("randomWaypoint"), "clients.randomWaypoint");
    }
    return trace(tree.required(map.get("trace"), "clients.trace"), map.get("ids"));
  }

  private RandomWaypoint randomWaypoint(Object value, String path) {
    Map<String, Object> map =
        tree.mapping(value, path, Set.of("count", "seed", "speedMps", "pauseSeconds"));
    if (map == null) {
      tree.problem(path, "needs count and seed");
      return null;
    }
    Long count = tree.integer(map.get("count"), path + ".count");
    if (map.get("count") == null) {
      tree.problem(path + ".count", "required");
    } else if (count != null && (count < 1 || count > MAX_CLIENTS)) {
      tree.problem(path + ".count", "expected 1.." + MAX_CLIENTS + " clients, got " + count);
    }
    Long seed = tree.integer(map.get("seed"), path + ".seed");
    if (map.get("seed") == null) {
      tree.problem(path + ".seed", "required, so that the run can be repeated");
    }
    List<Double> speed = tree.range(map.get("speedMps"), path + ".speedMps", false);
    List<Double> pause = tree.range(map.get("pauseSeconds"), path + ".pauseSeconds", true);
    if (count == null || seed == null) {
      return null;
    }
    return new RandomWaypoint(count.intValue(), seed, speed, pause);
  }

  private Trace trace(String file, Object ids) {
    Set<String> known = new LinkedHashSet<>();
    List<?> idList = tree.list(ids, "clients.ids");
    if (idList != null) {
      for (int i = 0; i < idList.size(); i++) {
        String id = tree.string(idList.get(i), "clients.ids[" + i + "]");
        if (id != null) {
          known.add(id);
        }
      }
    }
    if (file == null) {
      return null;
    }
    Path path = base.resolve(file).normalize();
    String csv;
    try {
      csv = Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      tree.problem("clients.trace", "cannot read " + path + ": " + e.getMessage());
      return null;
    }
    TraceCheck.Result result = TraceCheck.check(csv, known);
    result.problems().forEach(p -> tree.problem("clients.trace " + path.getFileName(), p));
    return new Trace(path, csv, result.clients(), result.lastSecond());
  }

  private Load load(Object value) {
    Map<String, Object> map =
        tree.mapping(value, "load", Set.of("requestsPerSecond", "path", "timeoutMillis", "warmup"));
    if (map == null) {
      if (value == null) {
        tree.problem("load", "required: requestsPerSecond (per client and service)");
      }
      return null;
    }
    Double rate = tree.positive(map.get("requestsPerSecond"), "load.requestsPerSecond", false);
    if (map.get("requestsPerSecond") == null) {
      tree.problem("load.requestsPerSecond", "required");
    } else if (rate != null && rate > MAX_RATE) {
      tree.problem(
          "load.requestsPerSecond", "at most " + (int) MAX_RATE + " per client, got " + rate);
    }
    String path = tree.string(map.get("path"), "load.path");
    if (path != null && (!path.startsWith("/") || path.chars().anyMatch(c -> c <= ' '))) {
      tree.problem("load.path", "expected a path starting with / and without spaces");
    }
    Double timeout = tree.positive(map.get("timeoutMillis"), "load.timeoutMillis", false);
    String warmupText = tree.string(map.get("warmup"), "load.warmup");
    Duration warmup = warmupText == null ? Duration.ZERO : parseDuration(warmupText);
    if (warmup == null || warmup.isNegative()) {
      tree.problem("load.warmup", "expected a duration such as 30s or 0, got '" + warmupText + "'");
    }
    if (rate == null) {
      return null;
    }
    return new Load(
        rate,
        path == null ? "/" : path,
        Duration.ofMillis(timeout == null ? 2000 : Math.round(timeout)),
        warmup == null ? Duration.ZERO : warmup);
  }

  // ---- JSON: the same tree as the YAML subset gives (scalars as text)

  private static Object fromJson(String text) {
    try (var reader = Json.createReader(new StringReader(text))) {
      return tree(reader.readValue());
    }
  }

  private static Object tree(JsonValue value) {
    return switch (value.getValueType()) {
      case OBJECT -> {
        Map<String, Object> map = new LinkedHashMap<>();
        ((JsonObject) value).forEach((k, v) -> map.put(k, tree(v)));
        yield map;
      }
      case ARRAY -> ((JsonArray) value).stream().map(ScenarioReader::tree).toList();
      case STRING -> ((JsonString) value).getString();
      case NULL -> null;
      default -> value.toString();
    };
  }
}
