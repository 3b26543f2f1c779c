package org.mecconpaas.it.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mecconpaas.it.web.HttpLoad;

/**
 * One autoscaling cycle of the PHP backends as a client sees it: from a quiet service with one
 * backend, a step of back-to-back load from {@value #CLIENTS} clients until a backend name not seen
 * before answers {@code /whoami.php}, then no load until the service is back to one backend. Times
 * are taken on this machine's clock from the load step or from the load's end; the autoscaler's
 * decisions come from the events, whose timestamps the master (on the same machine) takes.
 *
 * <p>The step is sized to miss the policy's p95 objective clearly (one backend answers about 160
 * requests/s here, so 32 clients wait about 200 ms on average). The policy's CPU bound cannot be
 * what trips it: the process runtime measures an instance's process groups, and php-fpm leaves them
 * ({@code setsid}), so a busy PHP backend reports only its nginx's few percent.
 */
final class AutoscalingReaction {
  static final int CLIENTS = 32;
  static final String BACKEND = "backend";

  /** The web hosting test's policy, with an objective a saturated single backend misses. */
  static final String POLICY =
      "{\"role\": \"backend\", \"p95Millis\": 200, \"cpuLowPercent\": 15, \"cpuHighPercent\": 60,"
          + " \"minInstances\": 1, \"maxInstances\": 2, \"cooldownSeconds\": 10}";

  private static final Duration LIMIT = Duration.ofMinutes(4);
  private static final long PROBE_MILLIS = 200;
  private static final Duration API_POLL = Duration.ofMillis(500);
  private static final Duration API_GRACE = Duration.ofSeconds(30);

  /**
   * Seconds from the load step (out) or the load's end (in); NaN when not seen.
   *
   * @param decidedOut the {@code autoscale.out} event
   * @param running the API listing a new backend instance RUNNING
   * @param serving the first {@code /whoami.php} answered by a new backend name
   * @param decidedIn the {@code autoscale.in} event
   * @param countBack the service's spec back at one backend
   * @param instanceGone no second backend instance listed any more (drained and removed)
   */
  record Cycle(
      double decidedOut,
      double running,
      double serving,
      String newBackend,
      long requests,
      int failedRequests,
      double loadP95Millis,
      double decidedIn,
      double countBack,
      double instanceGone,
      String outDetail) {}

  private final PhpSite site;
  private final URI endpoint;
  private final String page;
  private final HttpClient probe = HttpClient.newHttpClient();

  AutoscalingReaction(PhpSite site, URI endpoint, String page) {
    this.site = site;
    this.endpoint = endpoint;
    this.page = page;
  }

  Cycle run() throws Exception {
    Set<String> before = new HashSet<>();
    site.instances(BACKEND).forEach(i -> before.add(i.getString("name")));
    for (int i = 0; i < 6; i++) {
      before.add(whoami()); // "" for a failed request: never taken for a new backend below
    }
    Instant stepAt = Instant.now();
    long step = System.nanoTime();
    Step seen;
    HttpLoad load = HttpLoad.start(endpoint.resolve(page), CLIENTS, 0);
    try {
      seen = awaitNewBackend(before, step);
    } finally {
      load.close();
    }
    Instant endAt = Instant.now();
    Back back = awaitOneBackend(System.nanoTime());
    Optional<Map.Entry<Instant, String>> out = site.event("autoscale.out", stepAt);
    Optional<Map.Entry<Instant, String>> in = site.event("autoscale.in", endAt);
    return new Cycle(
        out.map(e -> between(stepAt, e.getKey())).orElse(Double.NaN),
        seen.running(),
        seen.serving(),
        seen.backend(),
        load.ok(),
        load.failures().size(),
        load.percentileMillis(95),
        in.map(e -> between(endAt, e.getKey())).orElse(Double.NaN),
        back.spec(),
        back.gone(),
        out.map(Map.Entry::getValue).orElse("no autoscale.out event"));
  }

  /** Seconds from the step to the new backend answering and to the API listing it RUNNING. */
  private record Step(String backend, double serving, double running) {}

  /**
   * Probes {@code /whoami.php} until a backend not in {@code before} answers, and polls the API
   * until it lists a new backend RUNNING; that may come later than the first answer (the agent
   * reports every few seconds), so the load goes on for up to {@link #API_GRACE} after it.
   */
  private Step awaitNewBackend(Set<String> before, long step) throws Exception {
    String backend = null;
    double serving = Double.NaN;
    double running = Double.NaN;
    long nextApiPoll = step;
    long servedAt = 0;
    while (backend == null
        || (Double.isNaN(running) && System.nanoTime() - servedAt < API_GRACE.toNanos())) {
      if (backend == null && System.nanoTime() - step > LIMIT.toNanos()) {
        throw new IllegalStateException(
            "no new backend answered within " + LIMIT.toMinutes() + " min: " + site.instances());
      }
      for (int i = 0; i < 3 && backend == null; i++) {
        String name = whoami();
        if (!name.isEmpty() && !before.contains(name)) {
          backend = name;
          serving = seconds(step);
          servedAt = System.nanoTime();
        }
      }
      if (Double.isNaN(running) && System.nanoTime() >= nextApiPoll) {
        running = newRunning(before) ? seconds(step) : Double.NaN;
        nextApiPoll = System.nanoTime() + API_POLL.toNanos();
      }
      Thread.sleep(PROBE_MILLIS);
    }
    return new Step(backend, serving, running);
  }

  /** Seconds from the load's end to the spec asking for one backend, and to one being listed. */
  private record Back(double spec, double gone) {}

  private Back awaitOneBackend(long end) throws Exception {
    double spec = Double.NaN;
    while (true) {
      if (System.nanoTime() - end > LIMIT.toNanos()) {
        throw new IllegalStateException(
            "not back to one backend within " + LIMIT.toMinutes() + " min: " + site.instances());
      }
      if (Double.isNaN(spec) && site.wanted(BACKEND) == 1) {
        spec = seconds(end);
      }
      if (!Double.isNaN(spec) && backendInstances() == 1) {
        return new Back(spec, seconds(end));
      }
      Thread.sleep(500);
    }
  }

  /** Whether the API lists a RUNNING backend instance that was not there before the step. */
  private boolean newRunning(Set<String> before) throws IOException, InterruptedException {
    return site.instances(BACKEND).stream()
        .filter(i -> !before.contains(i.getString("name")))
        .anyMatch(i -> i.getString("state").equals("RUNNING"));
  }

  /** Backend instances listed, those being removed included. */
  private long backendInstances() throws IOException, InterruptedException {
    return site.instances().stream().filter(i -> i.getString("role").equals(BACKEND)).count();
  }

  /** The backend that answers a fresh request; an empty name when the request failed. */
  private String whoami() throws InterruptedException {
    try {
      HttpResponse<String> answer =
          probe.send(
              HttpRequest.newBuilder(endpoint.resolve("/whoami.php"))
                  .timeout(Duration.ofSeconds(15))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return answer.statusCode() == 200 ? answer.body().strip() : "";
    } catch (IOException e) {
      return "";
    }
  }

  private static double seconds(long fromNanos) {
    return (System.nanoTime() - fromNanos) / 1e9;
  }

  private static double between(Instant from, Instant to) {
    return Duration.between(from, to).toMillis() / 1000.0;
  }
}
