package org.mecconpaas.it.bench;

import jakarta.json.Json;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mecconpaas.it.ApiClient;
import org.mecconpaas.it.MasterSetup;
import org.mecconpaas.it.RunningMaster;

/**
 * The portal benchmark, run by {@code bench/portal.sh}: seeds a master with {@value #NODES} edge
 * nodes (enrolled through the agent protocol, one heartbeat each), {@value #APPLICATIONS}
 * applications of {@value #SERVICES_PER_APPLICATION} services (200 services, {@value #STARTED} of
 * them started, so instances sit on the nodes) and at least {@value #EVENTS} events, then loads
 * every portal page and the partial requests of its polls as a signed-in user, {@value #REQUESTS}
 * times each after {@value #WARM_UP} warm-up loads, one request at a time as one browser would.
 *
 * <p>The time is taken on loopback from sending the request to the last byte of the answer, so it
 * is the server's time plus a little client overhead; the target is 300 ms at the 99th percentile.
 * Exit code 0 when every page meets it, 1 when one does not, 2 when the run failed.
 */
public final class PortalBenchmark {
  static final int NODES = 100;
  static final int APPLICATIONS = 40;
  static final int SERVICES_PER_APPLICATION = 5;
  static final int STARTED = 10;
  static final int EVENTS = 1_000;
  static final int WARM_UP = 10;
  static final int REQUESTS = 50;
  static final double TARGET_MS = 300;

  private static final String RESEARCHER = "researcher";
  private static final String RESEARCHER_PASSWORD = "researcher password 1";
  private static final String SERVICE_POLL_RENDER =
      "live:head actions tabs:overview:instances tabs:overview:map tabs:metrics:charts"
          + " tabs:events:timeline";
  private static final Duration RUN_LIMIT = Duration.ofMinutes(20);

  private final Path launcher;
  private final Path outDir;
  private final String stamp;
  private final Report report;

  PortalBenchmark(Path launcher, Path outDir) {
    this.launcher = launcher;
    this.outDir = outDir;
    this.stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    this.report =
        new Report(
            String.format(
                Locale.ROOT,
                "MEC-ConPaaS portal benchmark %s: %d nodes, %d services (%d started), >= %d events;"
                    + " %d loads per page after %d warm-up, one at a time; %d CPUs",
                stamp,
                NODES,
                APPLICATIONS * SERVICES_PER_APPLICATION,
                STARTED,
                EVENTS,
                REQUESTS,
                WARM_UP,
                Runtime.getRuntime().availableProcessors()));
  }

  public static void main(String[] args) {
    startWatchdog();
    int exitCode;
    try {
      exitCode =
          new PortalBenchmark(
                  MasterSetup.pathProperty("mec.launcher"),
                  MasterSetup.pathProperty("mec.bench.out"))
              .run();
    } catch (Exception | Error e) {
      System.err.println("benchmark failed:");
      e.printStackTrace();
      exitCode = 2;
    }
    System.exit(exitCode);
  }

  int run() throws Exception {
    MasterSetup setup =
        MasterSetup.fresh(launcher, outDir.resolve("bench").resolve("portal-" + stamp));
    progress("master data and logs in " + setup.dataDir().getParent());
    try (RunningMaster master = RunningMaster.start(setup)) {
      ApiClient admin = ApiClient.anonymous(master.api()).login("admin", setup.adminPassword());
      seed(master, admin);
      measure(master, setup.adminPassword());
      progress("stopping the master");
    }
    Path results = outDir.resolve("bench-results").resolve("portal-" + stamp + ".txt");
    report.write(results);
    System.out.println();
    System.out.print(report.render());
    System.out.println("results written to " + results);
    return report.allTargetsMet() ? 0 : 1;
  }

  private void seed(RunningMaster master, ApiClient admin) throws Exception {
    long start = System.nanoTime();
    admin
        .post(
            "/users",
            Json.createObjectBuilder()
                .add("username", RESEARCHER)
                .add("role", "DEVELOPER")
                .add("password", RESEARCHER_PASSWORD)
                .build())
        .expect(201);
    ApiClient researcher = ApiClient.anonymous(master.api()).login(RESEARCHER, RESEARCHER_PASSWORD);
    progress("seeding " + APPLICATIONS * SERVICES_PER_APPLICATION + " services");
    for (int a = 0; a < APPLICATIONS; a++) {
      String app = application(a);
      researcher
          .post("/applications", Json.createObjectBuilder().add("name", app).build())
          .expect(201);
      for (int s = 1; s <= SERVICES_PER_APPLICATION; s++) {
        var service = Json.createObjectBuilder().add("name", "svc-" + s).add("type", "generic");
        if (s == 1 && a < STARTED) {
          service.add("roles", Json.createObjectBuilder().add("node", 2));
        }
        researcher.post("/applications/" + app + "/services", service.build()).expect(201);
      }
    }
    progress("enrolling " + NODES + " nodes, one heartbeat each");
    EdgeSeeder edge = new EdgeSeeder(admin, java.net.URI.create(master.url()));
    edge.enroll(NODES);
    edge.heartbeatAll();
    for (int a = 0; a < STARTED; a++) {
      researcher
          .post("/applications/" + application(a) + "/services/svc-1/start", null)
          .expect(202);
    }
    int renames = topUpEvents(admin, researcher);
    report.info(
        "seeding (not a target)",
        Report.format((System.nanoTime() - start) / 1e9, "s")
            + ", "
            + events(admin)
            + " events ("
            + renames
            + " renames)");
  }

  /** Renames an application back and forth until the trail holds {@value #EVENTS} events. */
  private static int topUpEvents(ApiClient admin, ApiClient researcher) throws Exception {
    int renames = 0;
    String app = application(APPLICATIONS - 1);
    while (events(admin) < EVENTS) {
      for (int i = 0; i < 50; i++) {
        String to = renames % 2 == 0 ? app + "-x" : app;
        String from = renames % 2 == 0 ? app : app + "-x";
        researcher
            .send(
                "PATCH",
                "/applications/" + from,
                Json.createObjectBuilder().add("name", to).build().toString())
            .expect(200);
        renames++;
      }
    }
    if (renames % 2 == 1) {
      researcher
          .send(
              "PATCH",
              "/applications/" + app + "-x",
              Json.createObjectBuilder().add("name", app).build().toString())
          .expect(200);
      renames++;
    }
    return renames;
  }

  private static long events(ApiClient admin) throws Exception {
    return admin.get("/events?size=1").expect(200).object().getJsonNumber("total").longValue();
  }

  private void measure(RunningMaster master, String adminPassword) throws Exception {
    String service = "/portal/service.xhtml?app=" + application(0) + "&name=svc-1";
    PortalSession researcher = PortalSession.signIn(master.url(), RESEARCHER, RESEARCHER_PASSWORD);
    Map<String, Load> pages = new LinkedHashMap<>();
    pages.put("dashboard", expect(s -> s.get("/portal/home.xhtml"), "data-node=\"pi-100\""));
    pages.put("dashboard poll (every 2 s)", expect(poll("/portal/home.xhtml", "live"), "pi-100"));
    pages.put("applications", expect(s -> s.get("/portal/applications.xhtml"), application(39)));
    pages.put(
        "application (5 services)",
        expect(s -> s.get("/portal/application.xhtml?name=app-000"), ">svc-5<"));
    pages.put("service (3 instances)", expect(s -> s.get(service), "data-instance=\"s"));
    pages.put(
        "service poll (every 2 s)",
        expect(poll(service, SERVICE_POLL_RENDER), "data-instance=\"s"));
    pages.put("catalog", expect(s -> s.get("/portal/catalog.xhtml"), "Apache Flink"));
    pages.put("account", expect(s -> s.get("/portal/account.xhtml"), "API tokens"));
    for (var page : pages.entrySet()) {
      measure("developer: " + page.getKey(), researcher, page.getValue());
    }
    PortalSession admin = PortalSession.signIn(master.url(), "admin", adminPassword);
    measure("operator: dashboard", admin, expect(s -> s.get("/portal/home.xhtml"), "pi-100"));
    measure(
        "operator: nodes (" + NODES + ")",
        admin,
        expect(s -> s.get("/portal/admin/nodes.xhtml"), ">pi-001<"));
    measure("operator: users", admin, expect(s -> s.get("/portal/admin/users.xhtml"), RESEARCHER));
  }

  /** A load whose answer must contain {@code text}: a fast error page must not pass. */
  private static Load expect(Load load, String text) {
    return s -> {
      PortalSession.Timed answer = load.send(s);
      if (answer.status() == 200 && !answer.body().contains(text)) {
        return new PortalSession.Timed(
            -1, "missing " + text + ": " + answer.body(), answer.nanos());
      }
      return answer;
    };
  }

  /** One page load or poll of a session. */
  private interface Load {
    PortalSession.Timed send(PortalSession session) throws Exception;
  }

  /** A poll of a page loaded once: the view it polls stays the same, as in a browser. */
  private static Load poll(String page, String render) {
    PortalSession.Timed[] loaded = new PortalSession.Timed[1];
    return s -> {
      if (loaded[0] == null) {
        loaded[0] = s.get(page);
      }
      return s.poll(page.replaceAll("\\?.*", ""), loaded[0], "live", "live:poll", render);
    };
  }

  private void measure(String name, PortalSession session, Load load) throws Exception {
    progress(name);
    for (int i = 0; i < WARM_UP; i++) {
      check(name, load.send(session));
    }
    List<Long> nanos = new ArrayList<>();
    int failures = 0;
    String firstFailure = null;
    long start = System.nanoTime();
    for (int i = 0; i < REQUESTS; i++) {
      PortalSession.Timed answer = load.send(session);
      nanos.add(answer.nanos());
      String problem = problem(answer);
      if (problem != null) {
        failures++;
        firstFailure = firstFailure == null ? problem : firstFailure;
      }
    }
    Latencies latencies =
        Latencies.of(
            nanos.stream().mapToLong(Long::longValue).toArray(),
            failures,
            firstFailure,
            Duration.ofNanos(System.nanoTime() - start));
    report.info(name + " p50", Report.format(latencies.percentileMillis(50), "ms"));
    report.target(name + " p99", latencies.percentileMillis(99), TARGET_MS, "ms", failures == 0);
    if (failures > 0) {
      report.note(name + ": " + failures + " unexpected answers; first: " + firstFailure);
    }
  }

  private static void check(String name, PortalSession.Timed answer) {
    String problem = problem(answer);
    if (problem != null) {
      throw new IllegalStateException(name + ": " + problem);
    }
  }

  /** Null for a good page: 200, and no error page or message in place of the content. */
  private static String problem(PortalSession.Timed answer) {
    if (answer.status() == -1) {
      return answer.body().substring(0, Math.min(300, answer.body().length()));
    }
    if (answer.status() != 200) {
      return "HTTP " + answer.status();
    }
    if (answer.body().contains("not found</h1>") || answer.body().contains("<error>")) {
      return "an error in the page: "
          + answer.body().substring(0, Math.min(300, answer.body().length()));
    }
    return null;
  }

  static String application(int index) {
    return String.format(Locale.ROOT, "app-%03d", index);
  }

  private static void progress(String message) {
    System.out.println("bench: " + message);
  }

  private static void startWatchdog() {
    Thread watchdog =
        new Thread(
            () -> {
              try {
                Thread.sleep(RUN_LIMIT.toMillis());
              } catch (InterruptedException e) {
                return;
              }
              System.err.println("benchmark: still running after " + RUN_LIMIT + "; giving up");
              System.exit(2);
            },
            "bench-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
  }
}
