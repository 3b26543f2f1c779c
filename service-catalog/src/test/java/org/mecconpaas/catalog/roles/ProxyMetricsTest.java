package org.mecconpaas.catalog.roles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mecconpaas.catalog.roles.RoleHarness.Instance;

/**
 * metrics.sh of the php and java services' proxy (the same script in both roles): request rate,
 * response-time percentiles, errors and servers up over the last 10 s, from HAProxy's ring of
 * per-request log lines. Once against the real HAProxy under a paced load, once against a stand-in
 * CLI printing known rings.
 */
class ProxyMetricsTest {
  private static final Duration START = Duration.ofSeconds(30);
  private static final Path APP = RoleHarness.repositoryPath("examples/php-app");
  private static final long WINDOW_MILLIS = 10_000;

  /** The paced load: requests per second, every tenth to slow.php, which takes this long. */
  private static final int RATE = 40;

  private static final int SLOW_MILLIS = 150;

  @TempDir Path root;
  private RoleHarness harness;

  @BeforeEach
  void setUp() throws IOException {
    harness = new RoleHarness(root);
  }

  @AfterEach
  void tearDown() {
    harness.close();
  }

  @Test
  void reportsRateResponseTimesAndErrorsOfTheLastTenSecondsUnderAKnownLoad() throws Exception {
    assumeTrue(
        RoleHarness.installed("nginx", "php-fpm8.2", "php", "haproxy", "setpriv"),
        "needs Debian's nginx, php-fpm and haproxy packages");
    Path code = harness.code(APP, "v1");
    Files.writeString(
        code.resolve("slow.php"), "<?php usleep(" + SLOW_MILLIS * 1000 + "); echo \"slow\\n\";\n");
    Files.writeString(code.resolve("fast.php"), "<?php echo \"fast\\n\";\n");
    Instance proxy = harness.add("php", "proxy", "s8-proxy-1").code(code, 1);
    Instance backend = harness.add("php", "backend", "s8-backend-1").code(code, 1);
    harness.writeAgents();
    proxy.start();
    backend.start();
    proxy.awaitHealthy(START);
    backend.awaitHealthy(START);

    // health.sh's requests (HAProxy's monitor URI) and the statistics are no traffic
    assertEquals(Map.of(), proxy.metrics(), "before any request");
    URI stats = URI.create("http://" + RoleHarness.IP + ":" + (proxy.port() + 1) + "/stats;csv");
    RoleHarness.await(
        START,
        "the proxy checks the backend up",
        () ->
            RoleHarness.body(stats)
                .lines()
                .anyMatch(l -> l.matches("backend,s8-backend-1,.*,UP,.*")));

    Map<String, Double> loaded;
    double generated;
    try (PacedLoad load = new PacedLoad(proxy, RATE)) {
      Thread.sleep(WINDOW_MILLIS + 500);
      long asked = System.nanoTime();
      loaded = proxy.metrics();
      generated =
          load.answeredPerSecond(asked - TimeUnit.MILLISECONDS.toNanos(WINDOW_MILLIS), asked);
      assertEquals(Set.of(200), load.statuses().keySet(), "answers to the paced load");
    }
    System.out.printf(
        "proxy metrics under %d requests/s (every tenth %d ms), %.1f/s answered in the window: %s%n",
        RATE, SLOW_MILLIS, generated, loaded);
    assertTrue(generated > RATE * 0.75, "the load ran at its pace: " + generated);
    assertEquals(generated, loaded.get("requestsPerSecond"), generated * 0.15 + 1, "rate");
    assertTrue(loaded.get("p95Millis") >= SLOW_MILLIS, "p95 with 10 % slow requests: " + loaded);
    assertTrue(loaded.get("p50Millis") < SLOW_MILLIS, "p50 of mostly fast requests: " + loaded);
    assertEquals(0.0, loaded.get("errorsPerSecond"));
    assertEquals(1.0, loaded.get("backendsUp"));

    // without any backend the proxy answers 503: errors
    backend.stop();
    try (PacedLoad load = new PacedLoad(proxy, 20)) {
      RoleHarness.await(
          START,
          () -> "503 answers, so far " + load.statuses(),
          () -> load.statuses().getOrDefault(503, 0L) >= 20);
    }
    Map<String, Double> failing = proxy.metrics();
    System.out.printf("proxy metrics with the backend stopped: %s%n", failing);
    assertTrue(failing.get("errorsPerSecond") >= 20 / 10.0, "errors: " + failing);
    RoleHarness.await(
        START, "the proxy takes the backend out", () -> metrics(proxy).get("backendsUp") == 0);
  }

  private static Map<String, Double> metrics(Instance proxy) {
    try {
      return proxy.metrics();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void computesTheFiguresFromTheRingAsHaproxyPrintsIt() throws Exception {
    Instance proxy = harness.add("php", "proxy", "s9-proxy-1");
    try (FakeCli cli = new FakeCli(proxy.port() + 2)) {
      // nothing logged yet: HAProxy's own notices only
      ringSize(proxy, 1 << 20);
      cli.answer(now -> info(now) + STAT + "Proxy public started.\n\n");
      assertEquals(Map.of(), proxy.metrics());
      assertEquals("show info;show stat -1 4 -1;show events requests", cli.lastCommand());

      // 200 requests in the window (20 slow, 10 answered 503, one aborted), 30 older ones
      List<Long> answered = new ArrayList<>();
      cli.answer(
          now -> {
            StringBuilder ring = new StringBuilder("Proxy public started.\n1795852\n");
            for (int i = 0; i < 30; i++) {
              ring.append(line(now - 15_000 + i * 10, 5000, 500));
            }
            answered.clear();
            for (int i = 0; i < 200; i++) {
              long time = i % 10 == 0 ? 300 : 2 + i % 7;
              int status = i == 199 ? -1 : i % 20 == 5 ? 503 : 200;
              ring.append(line(now - 9000 + i * 40L, time, status));
              if (status > 0) {
                answered.add(time);
              }
            }
            return info(now) + STAT + ring + "\n";
          });
      Map<String, Double> figures = proxy.metrics();
      Collections.sort(answered);
      assertEquals(
          Map.of(
              "requestsPerSecond", 20.0,
              "errorsPerSecond", 1.0,
              "p50Millis", (double) answered.get(100 - 1),
              "p95Millis", 300.0,
              "backendsUp", 2.0),
          figures);

      // a ring that wrapped within the window: the rate over the 2 s it holds
      // (a message takes its length and two bytes in the ring)
      ringSize(proxy, 400 * (32 + 2));
      cli.answer(
          now -> {
            StringBuilder ring = new StringBuilder();
            for (int i = 0; i < 400; i++) {
              ring.append(line(now - 2000 + i * 5L, 4, 200));
            }
            return info(now) + STAT + ring + "\n";
          });
      Map<String, Double> wrapped = proxy.metrics();
      assertEquals(200, wrapped.get("requestsPerSecond"), 10, "rate of a full ring: " + wrapped);
      assertEquals(4.0, wrapped.get("p95Millis"));

      // a dump cut short (HAProxy ends each answer with an empty line)
      cli.answer(now -> info(now) + STAT + line(now - 1000, 4, 200));
      assertEquals(Map.of(), proxy.metrics());
    }
    // HAProxy does not answer
    assertEquals(Map.of(), proxy.metrics());
  }

  private static final String STAT =
      "# pxname,svname,qcur,status,weight,\n"
          + "backend,BACKEND,0,UP,1,\n"
          + "backend,s9-backend-1,0,UP,1,\n"
          + "backend,s9-backend-2,0,DOWN,1,\n"
          + "web,s9-web-1,0,UP 1/2,1,\n"
          + "web,s9-web-2,0,MAINT,1,\n"
          + "\n";

  private static String info(long now) {
    return "Name: HAProxy\nVersion: 2.6.12\nStart_time_sec: " + (now / 1000 - 3600) + "\n\n";
  }

  /** A ring line as the frontend's log-format makes it, cut at the ring's maxlen (32). */
  private static String line(long millis, long time, int status) {
    String full = millis + " " + time + " " + status + " ---- 127.0.0.1:41234 public web/s9";
    return full.substring(0, 32) + "\n";
  }

  /** The size of the ring in the instance's HAProxy configuration, as metrics.sh reads it. */
  private static void ringSize(Instance proxy, long bytes) throws IOException {
    Files.createDirectories(proxy.dir().resolve("conf"));
    Files.writeString(
        proxy.dir().resolve("conf/haproxy.cfg"),
        "global\n  maxconn 100\n\nring requests\n  format raw\n  maxlen 32\n  size "
            + bytes
            + "\n\ndefaults\n  mode http\n");
  }

  /** A stand-in for HAProxy's CLI: answers each connection's command line, then closes it. */
  private static final class FakeCli implements AutoCloseable {
    private final ServerSocket server;
    private final Thread thread;
    private volatile LongFunction<String> answer = now -> "";
    private volatile String lastCommand;

    FakeCli(int port) throws IOException {
      server = new ServerSocket(port, 10, InetAddress.getByName(RoleHarness.IP));
      thread = new Thread(this::serve, "fake-cli");
      thread.setDaemon(true);
      thread.start();
    }

    void answer(LongFunction<String> answer) {
      this.answer = answer;
    }

    String lastCommand() {
      return lastCommand;
    }

    private void serve() {
      while (!server.isClosed()) {
        try (Socket socket = server.accept()) {
          lastCommand =
              new BufferedReader(
                      new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                  .readLine();
          OutputStream out = socket.getOutputStream();
          out.write(answer.apply(System.currentTimeMillis()).getBytes(StandardCharsets.US_ASCII));
          out.flush();
        } catch (IOException e) {
          // closed, or the client went away
        }
      }
    }

    @Override
    public void close() throws IOException {
      server.close();
      try {
        thread.join(5000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * GET requests at a fixed pace whatever the answers take (asynchronous sends), every tenth to
   * slow.php and the others to fast.php; remembers when each answer came and its status.
   */
  private static final class PacedLoad implements AutoCloseable {
    private final HttpClient client =
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
    private final AtomicLong sent = new AtomicLong();
    private final Queue<Long> answeredAt = new ConcurrentLinkedQueue<>();
    private final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();

    PacedLoad(Instance proxy, int perSecond) {
      pacer.scheduleAtFixedRate(
          () -> {
            long n = sent.getAndIncrement();
            HttpRequest request =
                HttpRequest.newBuilder(proxy.uri(n % 10 == 0 ? "/slow.php" : "/fast.php"))
                    .timeout(Duration.ofSeconds(10))
                    .build();
            client
                .sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .whenComplete(
                    (response, error) -> {
                      answeredAt.add(System.nanoTime());
                      int status = response == null ? -1 : response.statusCode();
                      statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
                    });
          },
          0,
          1_000_000 / perSecond,
          TimeUnit.MICROSECONDS);
    }

    /** Answers per second that came between two {@link System#nanoTime()} readings. */
    double answeredPerSecond(long from, long to) {
      long count = answeredAt.stream().filter(t -> t > from && t <= to).count();
      return count * 1e9 / (to - from);
    }

    /** How many answers had each status (-1: no answer). */
    Map<Integer, Long> statuses() {
      Map<Integer, Long> copy = new java.util.HashMap<>();
      statuses.forEach((k, v) -> copy.put(k, v.get()));
      return copy;
    }

    @Override
    public void close() throws InterruptedException {
      pacer.shutdownNow();
      pacer.awaitTermination(5, TimeUnit.SECONDS);
    }
  }
}
