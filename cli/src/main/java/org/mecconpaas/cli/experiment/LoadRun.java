package org.mecconpaas.cli.experiment;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mecconpaas.cli.experiment.Scenario.Load;

/**
 * The clients' requests: one thread per client sends {@code requestsPerSecond} requests to every
 * service, each to the route of the access point the client is associated with at that moment. A
 * client with no access point sends nothing and the slot is counted as skipped. Slots are on a
 * fixed schedule from the start, the clients' phases evenly spread (no randomness): a slot that
 * comes while the previous request still runs is sent as soon as it is done.
 */
final class LoadRun {
  private static final Pattern ECHO = Pattern.compile("instance (\\S+) node (\\S+)");

  private final List<String> clients;
  private final List<String> services;
  private final Load load;
  private final AccessPointWatch accessPoints;
  private final RouteWatch routes;
  private final RunClock clock;
  private final Consumer<RequestRecord> sink;
  private final Map<String, AtomicLong> skipped = new ConcurrentHashMap<>();
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();

  LoadRun(
      List<String> clients,
      List<String> services,
      Load load,
      AccessPointWatch accessPoints,
      RouteWatch routes,
      RunClock clock,
      Consumer<RequestRecord> sink) {
    this.clients = List.copyOf(clients);
    this.services = List.copyOf(services);
    this.load = load;
    this.accessPoints = accessPoints;
    this.routes = routes;
    this.clock = clock;
    this.sink = sink;
    clients.forEach(c -> skipped.put(c, new AtomicLong()));
  }

  /** Runs every client until {@code end}; returns when all have stopped. */
  void runUntil(Instant end) throws InterruptedException {
    long intervalNanos = Math.round(1e9 / load.requestsPerSecond());
    long startNanos = System.nanoTime() + Duration.between(Instant.now(), clock.start()).toNanos();
    long endNanos = startNanos + Duration.between(clock.start(), end).toNanos();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < clients.size(); i++) {
      String client = clients.get(i);
      long phase = intervalNanos * i / clients.size();
      Thread thread =
          new Thread(
              () -> sendAll(client, startNanos + phase, intervalNanos, endNanos),
              "client-" + client);
      thread.setDaemon(true);
      threads.add(thread);
      thread.start();
    }
    try {
      for (Thread thread : threads) {
        thread.join();
      }
    } finally {
      threads.forEach(Thread::interrupt);
    }
  }

  private void sendAll(String client, long firstNanos, long intervalNanos, long endNanos) {
    for (long due = firstNanos; due < endNanos; due += intervalNanos) {
      long wait = due - System.nanoTime();
      if (wait > 0) {
        try {
          Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        } catch (InterruptedException e) {
          return;
        }
      }
      String accessPoint = accessPoints.accessPoint(client);
      if (accessPoint == null) {
        skipped.get(client).addAndGet(services.size());
        continue;
      }
      for (String service : services) {
        sink.accept(send(client, service, accessPoint));
      }
    }
  }

  private RequestRecord send(String client, String service, String accessPoint) {
    Instant at = clock.now();
    sent.incrementAndGet();
    RouteWatch.Route route = routes.route(service, accessPoint);
    if (route == null) {
      failed.incrementAndGet();
      return new RequestRecord(
          at,
          clock.seconds(at),
          client,
          service,
          accessPoint,
          null,
          null,
          null,
          0,
          0,
          "no route at " + accessPoint);
    }
    HttpProbe.Answer answer =
        HttpProbe.get(route.address(), route.port(), load.path(), load.timeout());
    String instance = null;
    String node = null;
    Matcher echo = ECHO.matcher(answer.body());
    if (echo.find()) {
      instance = echo.group(1);
      node = routes.servingNode(echo.group(2), instance);
    }
    String error = answer.error();
    if (error == null && answer.status() != 200) {
      error = "HTTP " + answer.status();
    }
    if (error != null) {
      failed.incrementAndGet();
    }
    return new RequestRecord(
        at,
        clock.seconds(at),
        client,
        service,
        accessPoint,
        route.text(),
        instance,
        node,
        answer.latencyMillis(),
        answer.status(),
        error);
  }

  long sent() {
    return sent.get();
  }

  long failed() {
    return failed.get();
  }

  /** Slots skipped per client because it had no access point, times the services. */
  Map<String, Long> skipped() {
    Map<String, Long> copy = new java.util.TreeMap<>();
    skipped.forEach((client, count) -> copy.put(client, count.get()));
    return copy;
  }
}
