package org.mecconpaas.cli.command;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.mecconpaas.cli.CliException;
import org.mecconpaas.cli.client.DownloadedFile;
import org.mecconpaas.cli.client.JsonDocument;
import org.mecconpaas.cli.client.LogStream;
import org.mecconpaas.cli.client.Requests.NewService;
import org.mecconpaas.cli.client.Requests.ServiceScale;
import org.mecconpaas.cli.client.ServiceScript;
import org.mecconpaas.cli.output.ByteSize;
import org.mecconpaas.cli.output.Details;
import org.mecconpaas.cli.output.Fields;
import org.mecconpaas.cli.output.ProgressBar;
import org.mecconpaas.cli.output.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** Services: instances of a catalog type inside an application, started and stopped as a unit. */
@Command(
    name = "service",
    description = "Manage the services of an application.",
    subcommands = {
      ServicePlacementCommand.class,
      ServiceMigrateCommand.class,
      ServiceMigrationsCommand.class
    })
public final class ServiceCommand extends CommandGroup {

  private static final Duration WAIT_POLL = Duration.ofSeconds(1);
  private static final Duration FOLLOW_POLL = Duration.ofSeconds(2);

  /** The states a service can be in, as the master names them; see docs/api.md. */
  enum ServiceState {
    INIT,
    PROLOGUE,
    RUNNING,
    ADAPTING,
    EPILOGUE,
    STOPPED,
    ERROR
  }

  @Command(name = "list", description = "List the services of an application.")
  int list(@Parameters(paramLabel = "APP") String app) {
    output()
        .show(
            master().listServices(app),
            answer -> {
              Table table =
                  new Table(
                      "NAME", "TYPE", "STATE", "DESIRED", "ROLES", "CODE", "ENDPOINT", "MESSAGE");
              for (JsonValue item : answer.asArray()) {
                JsonObject service = item.asJsonObject();
                table.row(
                    Fields.text(service, "name"),
                    Fields.text(service, "type"),
                    Fields.text(service, "state"),
                    Fields.text(service, "desiredState"),
                    Fields.text(service, "roles"),
                    Fields.text(service, "activeCodeVersion"),
                    Fields.text(service, "endpoint"),
                    Fields.text(service, "phaseMessage"));
              }
              table.print(out());
            });
    return 0;
  }

  @Command(name = "create", description = "Create a service (it starts in state INIT).")
  int create(
      @Parameters(paramLabel = "APP") String app,
      @Parameters(paramLabel = "NAME") String name,
      @Option(
              names = {"-t", "--type"},
              required = true,
              paramLabel = "TYPE",
              description = "A catalog type; see 'mec catalog'.")
          String type,
      @Option(
              names = {"-r", "--role"},
              paramLabel = "ROLE=COUNT",
              description = "Instances of a role, e.g. --role web=2 (repeatable).")
          Map<String, Integer> roles,
      @Option(
              names = {"-p", "--placement"},
              paramLabel = "POLICY",
              description = "spread (default), pack, near or near-users.")
          String placement) {
    output()
        .show(
            master().createService(app, new NewService(name, type, placement, roles)),
            answer -> {
              out().println("Created service " + app + "/" + name + ".");
              Views.details(answer, out());
            });
    return 0;
  }

  @Command(
      name = "show",
      description = {
        "Show one service.",
        "Its endpoint is where users reach it once it runs (a web service's proxy, Flink's"
            + " JobManager and dashboard, a generic service's master)."
      })
  int show(@Parameters(paramLabel = "APP") String app, @Parameters(paramLabel = "SVC") String svc) {
    output()
        .show(
            master().service(app, svc),
            answer -> {
              JsonObject service = answer.asObject();
              // The master leaves the endpoint out until the service runs; say so rather than
              // leave people looking for the line.
              if (!service.containsKey("endpoint")) {
                service = Json.createObjectBuilder(service).add("endpoint", JsonValue.NULL).build();
              }
              Views.details(service, out());
            });
    return 0;
  }

  @Command(name = "start", description = "Start a service on the edge nodes.")
  int start(
      @Parameters(paramLabel = "APP") String app, @Parameters(paramLabel = "SVC") String svc) {
    JsonDocument answer = master().startService(app, svc);
    output().show(answer, doc -> out().println("Starting " + app + "/" + svc + stateOf(doc)));
    return 0;
  }

  @Command(name = "stop", description = "Stop a service.")
  int stop(@Parameters(paramLabel = "APP") String app, @Parameters(paramLabel = "SVC") String svc) {
    JsonDocument answer = master().stopService(app, svc);
    output().show(answer, doc -> out().println("Stopping " + app + "/" + svc + stateOf(doc)));
    return 0;
  }

  @Command(
      name = "scale",
      description = "Change how many instances a role has; roles not named keep theirs.")
  int scale(
      @Parameters(paramLabel = "APP") String app,
      @Parameters(paramLabel = "SVC") String svc,
      @Parameters(
              paramLabel = "ROLE=N",
              arity = "1..*",
              description = "A role and its new instance count, e.g. web=3.")
          List<String> counts) {
    Map<String, Integer> roles = roleCounts(counts);
    output()
        .show(
            master().scaleService(app, svc, new ServiceScale(roles)),
            answer -> {
              out().println("Scaling " + app + "/" + svc + stateOf(answer));
              Views.details(answer, out());
            });
    return 0;
  }

  @Command(name = "run", description = "Run run.sh on every instance of a generic service.")
  int run(@Parameters(paramLabel = "APP") String app, @Parameters(paramLabel = "SVC") String svc) {
    return script(app, svc, ServiceScript.RUN);
  }

  @Command(
      name = "interrupt",
      description = "Run interrupt.sh on every instance, to stop what run.sh started.")
  int interrupt(
      @Parameters(paramLabel = "APP") String app, @Parameters(paramLabel = "SVC") String svc) {
    return script(app, svc, ServiceScript.INTERRUPT);
  }

  @Command(name = "cleanup", description = "Run cleanup.sh on every instance.")
  int cleanup(
      @Parameters(paramLabel = "APP") String app, @Parameters(paramLabel = "SVC") String svc) {
    return script(app, svc, ServiceScript.CLEANUP);
  }

  private int script(String app, String svc, ServiceScript script) {
    JsonDocument answer = master().triggerScript(app, svc, script);
    String done = "Running " + script.fileName() + " on the instances of " + app + "/" + svc + ".";
    output().show(answer, doc -> out().println(done));
    return 0;
  }

  @Command(name = "instances", description = "List the instances of a service and their scripts.")
  int instances(
      @Parameters(paramLabel = "APP") String app, @Parameters(paramLabel = "SVC") String svc) {
    output()
        .show(
            master().instances(app, svc),
            answer -> {
              Table table =
                  new Table(
                      "INSTANCE",
                      "ROLE",
                      "NODE",
                      "ADDRESS",
                      "STATE",
                      "CPU(%)",
                      "MEMORY(MiB)",
                      "SCRIPTS",
                      "MESSAGE");
              for (JsonValue item : answer.asArray()) {
                JsonObject instance = item.asJsonObject();
                table.row(
                    Fields.text(instance, "name"),
                    Fields.text(instance, "role"),
                    Fields.text(instance, "node"),
                    address(instance),
                    instanceState(instance),
                    InstanceFigures.latest(instance, "cpuPercent"),
                    InstanceFigures.latest(instance, "memoryMiB"),
                    Views.scripts(instance.get("scripts")),
                    Fields.text(instance, "message"));
              }
              table.print(out());
            });
    return 0;
  }

  @Command(name = "instance", description = "Show one instance, with the state of each script.")
  int instance(
      @Parameters(paramLabel = "APP") String app,
      @Parameters(paramLabel = "SVC") String svc,
      @Parameters(paramLabel = "INSTANCE", description = "As 'mec service instances' lists it.")
          String instance) {
    output()
        .show(
            master().instance(app, svc, instance),
            answer -> {
              JsonObject fields = answer.asObject();
              Details details = new Details();
              for (Map.Entry<String, JsonValue> field : fields.entrySet()) {
                if (!field.getKey().equals("scripts")) {
                  details.add(field.getKey(), Fields.text(field.getValue()));
                }
              }
              details.print(out());
              if (fields.get("scripts") instanceof JsonObject scripts && !scripts.isEmpty()) {
                out().println();
                Table table = new Table("SCRIPT", "STATE", "EXIT", "RUNS");
                for (Map.Entry<String, JsonValue> script : scripts.entrySet()) {
                  JsonObject state =
                      script.getValue() instanceof JsonObject object
                          ? object
                          : JsonValue.EMPTY_JSON_OBJECT;
                  table.row(
                      script.getKey(),
                      Fields.text(state, "state"),
                      Fields.text(state, "exitCode"),
                      Fields.text(state, "seq"));
                }
                table.print(out());
              }
            });
    return 0;
  }

  @Command(
      name = "metrics",
      description = {
        "Print the figures an instance reported lately, oldest first: CPU %%, memory in MiB and"
            + " its role's own (a web proxy's requests per second and latency, ...).",
        "The master keeps the last 300 samples."
      })
  int metrics(
      @Parameters(paramLabel = "APP") String app,
      @Parameters(paramLabel = "SVC") String svc,
      @Parameters(paramLabel = "INSTANCE") String instance) {
    output()
        .show(
            master().instanceMetrics(app, svc, instance),
            answer -> InstanceFigures.samples(answer.asArray()).print(out()));
    return 0;
  }

  @Command(
      name = "logs",
      description = {
        "Print the last lines of an instance's stdout (or stderr), follow them, or download the"
            + " whole log.",
        "The text is printed as is, also with --json."
      })
  int logs(
      @Parameters(paramLabel = "APP") String app,
      @Parameters(paramLabel = "SVC") String svc,
      @Parameters(paramLabel = "INSTANCE") String instance,
      @Option(names = "--stderr", description = "The instance's stderr instead of its stdout.")
          boolean stderr,
      @Option(
              names = {"-n", "--tail"},
              paramLabel = "N",
              description = "How many lines (master's default: 200, at most 10000).")
          Integer tail,
      @Option(
              names = {"-f", "--follow"},
              description = "Keep printing new lines, every 2 s, until Ctrl-C.")
          boolean follow,
      @Option(
              names = "--download",
              description = "Save the whole log to a file instead of printing its end.")
          boolean download,
      @Option(
              names = {"-o", "--output"},
              paramLabel = "FILE",
              description =
                  "With --download: where to write it (a directory takes the master's file name);"
                      + " overwrites. Default: the master's name, INSTANCE-stdout.log, in the"
                      + " current directory, never overwritten.")
          Path output) {
    LogStream stream = stderr ? LogStream.STDERR : LogStream.STDOUT;
    if (download) {
      if (follow || tail != null) {
        throw usageError("logs", "--download saves the whole log: leave out --tail and --follow");
      }
      return downloadLog(app, svc, instance, stream, output);
    }
    if (output != null) {
      throw usageError("logs", "-o/--output only goes with --download");
    }
    if (!follow) {
      output().printText(master().instanceLog(app, svc, instance, stream, tail));
      return 0;
    }
    LogTail seen = new LogTail();
    while (true) {
      for (String line : seen.newLines(master().instanceLog(app, svc, instance, stream, tail))) {
        out().println(line);
      }
      out().flush();
      try {
        clock().sleep(FOLLOW_POLL);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return 0;
      }
    }
  }

  private int downloadLog(String app, String svc, String instance, LogStream stream, Path output) {
    ProgressBar progress = new ProgressBar(err(), environment().stderrIsTerminal(), "downloaded");
    DownloadedFile saved =
        master()
            .downloadInstanceLog(
                app,
                svc,
                instance,
                stream,
                suggested ->
                    downloadDestination(output, suggested, instance + "-" + stream.key() + ".log"),
                progress);
    output().note("Saved " + saved.path() + " (" + ByteSize.format(saved.bytes()) + ").");
    return 0;
  }

  @Command(
      name = "wait",
      description = {
        "Wait until a service is in a state, printing each change; for scripts.",
        "Exits with 0 once there, 1 on timeout or when the service fails (ERROR)."
      })
  int waitFor(
      @Parameters(paramLabel = "APP") String app,
      @Parameters(paramLabel = "SVC") String svc,
      @Option(
              names = {"-s", "--state"},
              required = true,
              paramLabel = "STATE",
              description = "The state to wait for, e.g. RUNNING or STOPPED.")
          ServiceState target,
      @Option(
              names = {"-t", "--timeout"},
              paramLabel = "SECONDS",
              defaultValue = "120",
              description = "Give up after this long (default: ${DEFAULT-VALUE}).")
          int timeoutSeconds) {
    if (timeoutSeconds < 0) {
      throw usageError("wait", "--timeout must be 0 or more seconds");
    }
    String name = app + "/" + svc;
    Duration timeout = Duration.ofSeconds(timeoutSeconds);
    Instant start = clock().now();
    String lastSeen = null;
    while (true) {
      JsonDocument answer = master().service(app, svc);
      JsonObject service = answer.asObject();
      String state = Fields.text(service, "state");
      String message = Fields.text(service, "phaseMessage");
      Duration elapsed = Duration.between(start, clock().now());
      String seen = state + (message == null ? "" : ": " + message);
      if (!seen.equals(lastSeen)) {
        output().note(String.format("%3ds  %s", elapsed.getSeconds(), seen));
        lastSeen = seen;
      }
      if (target.name().equals(state)) {
        String endpoint = Fields.text(service, "endpoint");
        if (target == ServiceState.RUNNING && endpoint != null) {
          output().note("Endpoint: " + endpoint);
        }
        output().show(answer, doc -> {});
        return 0;
      }
      if (ServiceState.ERROR.name().equals(state)) {
        throw new CliException(
            name + " failed (state ERROR)" + (message == null ? "" : ": " + message));
      }
      if (elapsed.compareTo(timeout) >= 0) {
        throw new CliException(
            "gave up after "
                + timeoutSeconds
                + " s: "
                + name
                + " is "
                + Objects.requireNonNullElse(state, "in no state")
                + ", not "
                + target);
      }
      try {
        Duration left = timeout.minus(elapsed);
        clock().sleep(left.compareTo(WAIT_POLL) < 0 ? left : WAIT_POLL);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CliException("interrupted while waiting for " + name);
      }
    }
  }

  @Command(name = "delete", description = "Delete a service that is not running.")
  int delete(
      @Parameters(paramLabel = "APP") String app, @Parameters(paramLabel = "SVC") String svc) {
    master().deleteService(app, svc);
    output().note("Deleted service " + app + "/" + svc + ".");
    return 0;
  }

  /**
   * {@code web=3 backend=1} as a map in the order given; anything else is a usage error, caught
   * before a request is sent.
   */
  private Map<String, Integer> roleCounts(List<String> arguments) {
    Map<String, Integer> roles = new LinkedHashMap<>();
    for (String argument : arguments) {
      int equals = argument.indexOf('=');
      String role = equals < 0 ? "" : argument.substring(0, equals).strip();
      String count = equals < 0 ? "" : argument.substring(equals + 1).strip();
      if (role.isEmpty() || !count.matches("[0-9]{1,6}")) {
        throw usageError(
            "scale",
            "invalid ROLE=N '"
                + argument
                + "': give a role, '=' and an instance count from 0, e.g. web=3");
      }
      if (roles.put(role, Integer.valueOf(count)) != null) {
        throw usageError("scale", "role " + role + " is given more than once");
      }
    }
    return roles;
  }

  /** A usage error of one verb: picocli prints it with that verb's usage and exits with 2. */
  private ParameterException usageError(String verb, String message) {
    return new ParameterException(spec.subcommands().get(verb), message);
  }

  /** "10.77.0.12:20001", or just the address when there is no port. */
  private static String address(JsonObject instance) {
    String address = Fields.text(instance, "address");
    String port = Fields.text(instance, "port");
    if (address == null) {
      return null;
    }
    return port == null ? address : address + ":" + port;
  }

  /** "RUNNING", or "RUNNING (removing)" for an instance on its way out after a scale-down. */
  private static String instanceState(JsonObject instance) {
    String state = Fields.text(instance, "state");
    return instance.getBoolean("removing", false)
        ? Objects.requireNonNullElse(state, "-") + " (removing)"
        : state;
  }

  /** " (state PROLOGUE)." when the answer says, otherwise "." */
  private static String stateOf(JsonDocument answer) {
    if (answer.isEmpty()) {
      return ".";
    }
    String state = Fields.text(answer.asObject(), "state");
    return state == null ? "." : " (state " + state + ").";
  }
}
