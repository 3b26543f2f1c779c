package org.mecconpaas.agent.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.mecconpaas.agent.json.Json;
import org.mecconpaas.agent.json.JsonMap;

/**
 * The master's side of {@code /agent/v1} as far as the tests need it: enrollment with one join
 * token, heartbeats that record every report, append log chunks to a copy and acknowledge offsets,
 * and bundles served by path. It can be stopped and started again on the same port to play an
 * outage.
 */
public final class FakeMaster implements AutoCloseable {
  public static final String JOIN_TOKEN = "join_test";
  public static final long INTERVAL_MILLIS = 100;

  private final AtomicInteger enrollments = new AtomicInteger();
  private final AtomicInteger heartbeats = new AtomicInteger();
  private final Map<String, String> credentials = new ConcurrentHashMap<>();
  private final Map<String, byte[]> bundles = new ConcurrentHashMap<>();
  private final Map<String, StringBuilder> logCopies = new ConcurrentHashMap<>();
  private final Map<String, Long> logLengths = new ConcurrentHashMap<>();
  private final List<JsonMap> reports = new CopyOnWriteArrayList<>();
  private volatile List<Map<String, Object>> desired = List.of();
  private volatile boolean revoked;
  private HttpServer server;
  private int port;
  private final boolean wakes;
  private long wakeVersion;
  private int waitingPolls;

  public FakeMaster() throws IOException {
    this(false);
  }

  /**
   * @param wakes whether it serves the agents' long poll ({@code GET /agent/v1/wake}), as the real
   *     master does; without, the agent beats at its interval only
   */
  public FakeMaster(boolean wakes) throws IOException {
    this.wakes = wakes;
    start(0);
  }

  /** Answers the open long polls: the agents should beat now. */
  public synchronized void wake() {
    wakeVersion++;
    notifyAll();
  }

  /** How many long polls wait now. */
  public synchronized int waitingPolls() {
    return waitingPolls;
  }

  private void wake(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!authorized(exchange)) {
        problem(exchange, 401, "unknown or revoked credential");
        return;
      }
      String query = exchange.getRequestURI().getQuery();
      long since = Long.parseLong(query.substring(query.indexOf('=') + 1));
      json(exchange, 200, Map.of("version", awaitVersionOtherThan(since)));
    }
  }

  private synchronized long awaitVersionOtherThan(long since) {
    long deadline = System.nanoTime() + 5_000_000_000L;
    waitingPolls++;
    try {
      while (wakeVersion == since && System.nanoTime() < deadline) {
        wait(100);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      waitingPolls--;
    }
    return wakeVersion;
  }

  private void start(int wantedPort) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", wantedPort), 16);
    server.createContext("/agent/v1/enroll", this::enroll);
    server.createContext("/agent/v1/heartbeat", this::heartbeat);
    server.createContext("/agent/v1/bundles/", this::bundle);
    if (wakes) {
      server.createContext("/agent/v1/wake", this::wake);
      server.setExecutor(Executors.newCachedThreadPool()); // a long poll must not block the rest
    }
    server.start();
    port = server.getAddress().getPort();
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** Plays an outage: connections are refused until {@link #comeBack()}. */
  public void goAway() {
    server.stop(0);
  }

  public void comeBack() throws IOException {
    start(port);
  }

  public void revokeAll() {
    revoked = true;
  }

  public void desire(List<Map<String, Object>> instances) {
    desired = List.copyOf(instances);
  }

  public void serveBundle(String path, byte[] archive) {
    bundles.put(path, archive);
  }

  public int enrollments() {
    return enrollments.get();
  }

  public int heartbeats() {
    return heartbeats.get();
  }

  public List<JsonMap> reports() {
    return List.copyOf(reports);
  }

  /** The instance as the newest report describes it. */
  public Optional<JsonMap> reported(String id) {
    if (reports.isEmpty()) {
      return Optional.empty();
    }
    return reports.get(reports.size() - 1).objects("instances").stream()
        .filter(i -> i.string("id").equals(id))
        .findFirst();
  }

  /** The master's copy of an instance's stream ({@code stdout} or {@code stderr}). */
  public String log(String id, String stream) {
    StringBuilder copy = logCopies.get(id + "/" + stream);
    return copy == null ? "" : copy.toString();
  }

  private void enroll(HttpExchange exchange) throws IOException {
    try (exchange) {
      JsonMap request = Json.parseObject(exchange.getRequestBody().readAllBytes());
      if (!JOIN_TOKEN.equals(request.string("joinToken", null))) {
        problem(exchange, 401, "join token is not valid");
        return;
      }
      enrollments.incrementAndGet();
      String node = request.string("name", "node-" + enrollments.get());
      String credential = "node_" + node + "_" + enrollments.get();
      credentials.put(credential, node);
      Map<String, Object> answer = new LinkedHashMap<>();
      answer.put("node", node);
      answer.put("credential", credential);
      answer.put("heartbeatIntervalMillis", INTERVAL_MILLIS);
      json(exchange, 201, answer);
    }
  }

  private void heartbeat(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!authorized(exchange)) {
        problem(exchange, 401, "unknown or revoked credential");
        return;
      }
      JsonMap report = Json.parseObject(exchange.getRequestBody().readAllBytes());
      reports.add(report);
      heartbeats.incrementAndGet();
      Map<String, Object> offsets = new LinkedHashMap<>();
      for (JsonMap instance : report.objects("instances")) {
        String id = instance.string("id");
        Map<String, Object> acked = new LinkedHashMap<>();
        for (String stream : List.of("stdout", "stderr")) {
          acked.put(stream, append(id + "/" + stream, instance.object("logs").object(stream)));
        }
        offsets.put(id, acked);
      }
      Map<String, Object> answer = new LinkedHashMap<>();
      answer.put("heartbeatIntervalMillis", INTERVAL_MILLIS);
      answer.put("logOffsets", offsets);
      answer.put("instances", new ArrayList<>(desired));
      json(exchange, 200, answer);
    }
  }

  /** Appends what the copy lacks, as a real master would; returns the new length. */
  private long append(String key, JsonMap chunk) {
    long have = logLengths.getOrDefault(key, 0L);
    long offset = chunk.longValue("offset", 0);
    byte[] data = chunk.string("data", "").getBytes(StandardCharsets.UTF_8);
    long next = chunk.longValue("nextOffset", offset + data.length);
    if (offset <= have && next > have) {
      int skip = (int) (have - offset);
      logCopies
          .computeIfAbsent(key, k -> new StringBuilder())
          .append(new String(data, skip, data.length - skip, StandardCharsets.UTF_8));
      logLengths.put(key, next);
      return next;
    }
    return have;
  }

  private void bundle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] archive = bundles.get(exchange.getRequestURI().getPath());
      if (!authorized(exchange) || archive == null) {
        problem(exchange, 404, "no such bundle");
        return;
      }
      exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
      exchange.sendResponseHeaders(200, archive.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(archive);
      }
    }
  }

  private boolean authorized(HttpExchange exchange) {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    return !revoked
        && header != null
        && header.startsWith("Bearer ")
        && credentials.containsKey(header.substring("Bearer ".length()));
  }

  private static void problem(HttpExchange exchange, int status, String detail) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    body.put("title", "error");
    body.put("status", status);
    body.put("detail", detail);
    exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
    send(exchange, status, Json.writeBytes(body));
  }

  private static void json(HttpExchange exchange, int status, Map<String, Object> body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    send(exchange, status, Json.writeBytes(body));
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
