package org.mecconpaas.it.bench;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.mecconpaas.it.ApiClient;

/**
 * Closed-loop load: a fixed number of clients, each with its own {@code HttpClient} (so its own
 * connection) and thread, sending one request after the other. All clients first warm up together
 * (JIT, connection set-up, caches), then wait for each other, so that the measured requests of all
 * clients really overlap.
 */
final class LoadRun {

  private static final Duration LIMIT = Duration.ofMinutes(5);

  /** One request: {@code sequence} is unique per client, for requests that create things. */
  interface Request {
    ApiClient.Answer send(ApiClient client, int clientIndex, int sequence) throws Exception;
  }

  private final URI api;
  private final String token;
  private final int clients;
  private final int warmUp;
  private final int requests;

  LoadRun(URI api, String token, int clients, int warmUp, int requests) {
    this.api = api;
    this.token = token;
    this.clients = clients;
    this.warmUp = warmUp;
    this.requests = requests;
  }

  Latencies run(Request request, int expectedStatus) throws Exception {
    Tally tally = new Tally(clients * requests);
    CyclicBarrier warm = new CyclicBarrier(clients + 1);
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<Void>> running = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        int client = c;
        running.add(pool.submit(() -> client(client, request, expectedStatus, warm, tally)));
      }
      long deadline = System.nanoTime() + LIMIT.toNanos();
      try {
        warm.await(LIMIT.toNanos(), TimeUnit.NANOSECONDS);
      } catch (BrokenBarrierException e) {
        throw new IllegalStateException("a client failed while warming up", tally.crash.get());
      }
      long start = System.nanoTime();
      for (Future<Void> client : running) {
        client.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      }
      Duration wall = Duration.ofNanos(System.nanoTime() - start);
      return Latencies.of(tally.nanos, tally.failures.get(), tally.firstFailure.get(), wall);
    } catch (TimeoutException e) {
      throw new IllegalStateException("the load run took longer than " + LIMIT, e);
    } finally {
      pool.shutdownNow();
    }
  }

  /** One client: warm up, wait for the others, then send the measured requests. */
  private Void client(
      int client, Request request, int expectedStatus, CyclicBarrier warm, Tally tally)
      throws Exception {
    try {
      ApiClient http = new ApiClient(ApiClient.newHttpClient(), api, token);
      for (int k = 0; k < warmUp; k++) {
        request.send(http, client, k);
      }
      warm.await();
      for (int k = 0; k < requests; k++) {
        long start = System.nanoTime();
        ApiClient.Answer answer = request.send(http, client, warmUp + k);
        tally.nanos[client * requests + k] = System.nanoTime() - start;
        if (answer.status() != expectedStatus) {
          tally.failures.incrementAndGet();
          tally.firstFailure.compareAndSet(null, answer.status() + " " + answer.body());
        }
      }
      return null;
    } catch (Exception e) {
      // Breaks the barrier, so that nobody waits for a client that is gone.
      tally.crash.compareAndSet(null, e);
      warm.reset();
      throw e;
    }
  }

  /**
   * What the clients of one run record. Each client writes its own slice of {@code nanos}; the
   * futures' completion makes the writes visible to the thread that reads them.
   */
  private static final class Tally {
    final long[] nanos;
    final AtomicInteger failures = new AtomicInteger();
    final AtomicReference<String> firstFailure = new AtomicReference<>();
    final AtomicReference<Exception> crash = new AtomicReference<>();

    Tally(int requests) {
      nanos = new long[requests];
    }
  }
}
