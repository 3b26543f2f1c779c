package org.mecconpaas.cli.experiment;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.mecconpaas.cli.CliException;
import org.mecconpaas.cli.Environment;
import org.mecconpaas.cli.client.MasterClient;
import org.mecconpaas.cli.experiment.Scenario.RandomWaypoint;
import org.mecconpaas.cli.experiment.Scenario.ServicePlan;
import org.mecconpaas.cli.experiment.Scenario.Trace;

/**
 * One run of a scenario: checks the edge, deploys, starts the mobility emulation, sends the
 * clients' requests for the scenario's duration, stops the emulation and writes what happened to
 * the output directory (requests.csv, associations.csv, migrations.csv, summary.txt/json,
 * latency.html). The services are left running for a look afterwards.
 */
public final class ExperimentRun {
  private static final Duration NODES_LIMIT = Duration.ofMinutes(3);
  private static final Duration ROUTES_LIMIT = Duration.ofSeconds(90);
  private static final long ACCESS_POINT_POLL_MILLIS = 500;
  private static final long ROUTE_POLL_MILLIS = 2000;
  private static final long PROGRESS_SECONDS = 10;

  private final Scenario scenario;
  private final MasterClient master;
  private final ExperimentApi api;
  private final Environment.Clock clock;
  private final PrintWriter progress;
  private final Path outDir;

  public ExperimentRun(
      Scenario scenario,
      MasterClient master,
      String token,
      Environment.Clock clock,
      PrintWriter progress,
      Path outDir) {
    this.scenario = scenario;
    this.master = master;
    this.api = new ExperimentApi(master.masterUrl(), token);
    this.clock = clock;
    this.progress = progress;
    this.outDir = outDir;
  }

  /** The request body of the random waypoint run: the same scenario sends the same body. */
  static JsonObject randomWaypointBody(RandomWaypoint walk) {
    JsonObjectBuilder body =
        Json.createObjectBuilder()
            .add("clients", walk.count())
            .add("model", "random-waypoint")
            .add("seed", walk.seed());
    if (walk.speedMps() != null) {
      body.add("speedMps", pair(walk.speedMps()));
    }
    if (walk.pauseSeconds() != null) {
      body.add("pauseSeconds", pair(walk.pauseSeconds()));
    }
    return body.build();
  }

  /** Runs it; returns the summary also written to summary.txt. */
  public String run(boolean replace) throws InterruptedException {
    try (api) {
      Files.createDirectories(outDir);
      Deployer deployer = new Deployer(master, api, clock, progress);
      checkEdge(deployer, replace);
      deployer.deploy(scenario);
      List<String> services = scenario.services().stream().map(ServicePlan::name).toList();
      RouteWatch routes =
          new RouteWatch(
              services,
              svc -> api.routes(scenario.application(), svc),
              svc -> master.instances(scenario.application(), svc));
      awaitRoutes(routes, services);
      return measure(routes, services);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to " + outDir + ": " + e.getMessage(), e);
    }
  }

  private void checkEdge(Deployer deployer, boolean replace) throws InterruptedException {
    JsonObject mobility = api.mobility().asObject();
    if (!mobility.getBoolean("available", false)) {
      throw new CliException(
          "the master runs no emulated edge, so it cannot move clients (start it with --nodes N)");
    }
    if ("RUNNING".equals(mobility.getString("state", ""))) {
      if (!replace) {
        throw new CliException(
            "a mobility emulation runs already; stop it first, or run with --replace");
      }
      api.stopMobility();
    }
    awaitNodes();
    List<String> existing = deployer.existing(scenario);
    if (!existing.isEmpty() && !replace) {
      throw new CliException(
          scenario.application()
              + " has "
              + existing
              + " already: remove them, choose another application, or run with --replace");
    }
    for (String svc : existing) {
      deployer.remove(scenario.application(), svc);
    }
  }

  private void awaitNodes() throws InterruptedException {
    Scenario.ExpectedNodes expected = scenario.expectedNodes();
    if (expected.count() == 0) {
      return;
    }
    Instant deadline = clock.now().plus(NODES_LIMIT);
    while (true) {
      List<String> up = new ArrayList<>();
      for (JsonValue node : api.nodes().asArray()) {
        if ("UP".equals(node.asJsonObject().getString("state", ""))) {
          up.add(node.asJsonObject().getString("name"));
        }
      }
      if (up.size() >= expected.count() && up.containsAll(expected.names())) {
        progress.println(up.size() + " nodes UP: " + String.join(", ", up));
        return;
      }
      if (clock.now().isAfter(deadline)) {
        throw new CliException(
            "expected "
                + (expected.names().isEmpty() ? expected.count() + " nodes" : expected.names())
                + " UP, found "
                + up);
      }
      clock.sleep(Duration.ofSeconds(1));
    }
  }

  /** Every service has its routes, and one of them answers. */
  private void awaitRoutes(RouteWatch routes, List<String> services) throws InterruptedException {
    Instant deadline = clock.now().plus(ROUTES_LIMIT);
    List<String> waiting = new ArrayList<>(services);
    while (!waiting.isEmpty()) {
      routes.poll();
      waiting.removeIf(svc -> routes.hasRoutes(svc) && answers(routes, svc));
      if (waiting.isEmpty()) {
        break;
      }
      if (clock.now().isAfter(deadline)) {
        throw new CliException(
            waiting
                + " did not answer through the access points' routes within "
                + ROUTES_LIMIT.toSeconds()
                + " s (does the bundle serve HTTP on MY_PORT?)");
      }
      clock.sleep(Duration.ofSeconds(1));
    }
  }

  private boolean answers(RouteWatch routes, String svc) {
    JsonValue first =
        api.routes(scenario.application(), svc).asArray().stream().findFirst().orElse(null);
    if (first == null) {
      return false;
    }
    RouteWatch.Route route = routes.route(svc, first.asJsonObject().getString("node"));
    return route != null
        && HttpProbe.get(
                route.address(), route.port(), scenario.load().path(), scenario.load().timeout())
            .ok();
  }

  /** The clients each near-users service follows, where the scenario names them. */
  private Map<String, Set<String>> usersOf() {
    Map<String, Set<String>> users = new HashMap<>();
    for (ServicePlan plan : scenario.services()) {
      if (plan.placement() != null && plan.placement().users() != null) {
        users.put(plan.name(), Set.copyOf(plan.placement().users()));
      }
    }
    return users;
  }

  private String measure(RouteWatch routes, List<String> services)
      throws IOException, InterruptedException {
    List<RequestRecord> requests = Collections.synchronizedList(new ArrayList<>());
    ScheduledExecutorService polls =
        Executors.newScheduledThreadPool(
            3,
            r -> {
              Thread t = new Thread(r, "experiment-poll");
              t.setDaemon(true);
              return t;
            });
    try (BufferedWriter csv =
        Files.newBufferedWriter(outDir.resolve("requests.csv"), StandardCharsets.UTF_8)) {
      csv.write(RequestRecord.CSV_HEADER + "\n");
      RunClock runClock = new RunClock(Instant.now());
      List<String> clients = startMobility();
      AccessPointWatch accessPoints = new AccessPointWatch(api::mobility, runClock);
      accessPoints.poll();
      LoadRun load =
          new LoadRun(
              clients,
              services,
              scenario.load(),
              accessPoints,
              routes,
              runClock,
              r -> {
                requests.add(r);
                synchronized (csv) {
                  try {
                    csv.write(r.csv() + "\n");
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                }
              });
      polls.scheduleWithFixedDelay(
          quietly((Runnable) accessPoints::poll),
          ACCESS_POINT_POLL_MILLIS,
          ACCESS_POINT_POLL_MILLIS,
          TimeUnit.MILLISECONDS);
      polls.scheduleWithFixedDelay(
          quietly(routes::poll), ROUTE_POLL_MILLIS, ROUTE_POLL_MILLIS, TimeUnit.MILLISECONDS);
      polls.scheduleAtFixedRate(
          () ->
              progress.printf(
                  Locale.ROOT,
                  "%4.0f s: %d requests, %d failed%n",
                  runClock.seconds(runClock.now()),
                  load.sent(),
                  load.failed()),
          PROGRESS_SECONDS,
          PROGRESS_SECONDS,
          TimeUnit.SECONDS);
      Instant end = runClock.start().plus(scenario.load().warmup()).plus(scenario.duration());
      // Ctrl-C ends the run without finally blocks: the emulation must not walk on without it
      Thread stopOnExit = new Thread(this::stopMobilityQuietly, "experiment-stop");
      Runtime.getRuntime().addShutdownHook(stopOnExit);
      try {
        load.runUntil(end);
      } finally {
        polls.shutdownNow();
        api.stopMobility();
        try {
          Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException exiting) {
          // the hook runs already
        }
      }
      return report(services, requests, accessPoints, load, runClock);
    }
  }

  private void stopMobilityQuietly() {
    try {
      api.stopMobility();
    } catch (RuntimeException e) {
      // exiting anyway; `mec` cannot do more here
    }
  }

  /** Starts the scenario's movement; returns the clients that will send requests. */
  private List<String> startMobility() {
    if (scenario.movement() instanceof Trace trace) {
      api.startTrace(trace.csv());
      progress.println("mobility: trace " + trace.file().getFileName() + " of " + trace.clients());
      return trace.clients();
    }
    RandomWaypoint walk = (RandomWaypoint) scenario.movement();
    JsonObject answer = api.startRandomWaypoint(randomWaypointBody(walk).toString()).asObject();
    List<String> clients =
        answer.getJsonArray("clients").stream()
            .map(c -> c.asJsonObject().getString("id"))
            .sorted()
            .toList();
    progress.println(
        "mobility: random waypoint, seed " + walk.seed() + ", clients " + clients.size());
    return clients;
  }

  private String report(
      List<String> services,
      List<RequestRecord> requests,
      AccessPointWatch accessPoints,
      LoadRun load,
      RunClock runClock)
      throws IOException {
    List<MigrationRecord> migrations = new ArrayList<>();
    for (String svc : services) {
      for (JsonValue m : api.migrations(scenario.application(), svc).asArray()) {
        migrations.add(MigrationRecord.of(svc, m.asJsonObject()));
      }
    }
    migrations.sort(java.util.Comparator.comparingLong(MigrationRecord::id));
    List<RequestRecord> recorded;
    synchronized (requests) {
      recorded = List.copyOf(requests);
    }
    List<AssociationChange> changes = accessPoints.changes();
    write(
        "migrations.csv",
        MigrationRecord.CSV_HEADER,
        migrations.stream().map(MigrationRecord::csv).toList());
    write(
        "associations.csv",
        AssociationChange.CSV_HEADER,
        changes.stream().map(AssociationChange::csv).toList());
    Summary summary =
        Summary.of(
            services,
            recorded,
            migrations,
            changes,
            load.skipped(),
            usersOf(),
            scenario.load().warmup(),
            runClock);
    String text = summary.text();
    Files.writeString(outDir.resolve("summary.txt"), text, StandardCharsets.UTF_8);
    Files.writeString(
        outDir.resolve("summary.json"), summary.json().toString() + "\n", StandardCharsets.UTF_8);
    Files.writeString(
        outDir.resolve("latency.html"),
        LatencyChart.html(
            "Experiment " + scenario.name(),
            services,
            recorded,
            migrations,
            runClock,
            scenario.load().warmup().plus(scenario.duration()).toMillis() / 1000.0,
            summary),
        StandardCharsets.UTF_8);
    return text;
  }

  private void write(String file, String header, List<String> rows) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add(header);
    lines.addAll(rows);
    Files.write(outDir.resolve(file), lines, StandardCharsets.UTF_8);
  }

  /** A poll that fails (the master busy for a moment) is tried again at the next tick. */
  private Runnable quietly(Runnable poll) {
    return () -> {
      try {
        poll.run();
      } catch (RuntimeException e) {
        progress.println("(poll failed, trying again: " + e.getMessage() + ")");
      }
    };
  }

  private static JsonArrayBuilder pair(List<Double> values) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    values.forEach(array::add);
    return array;
  }
}
