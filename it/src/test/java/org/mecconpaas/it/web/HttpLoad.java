package org.mecconpaas.it.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Continuous requests from a few client threads, each a fresh client without cookies: counts every
 * answer, keeps the failures (status other than 200, or no answer) and which bodies were seen, and
 * each request's latency. Closed: all threads stopped and joined.
 */
public final class HttpLoad implements AutoCloseable {
  private final URI url;
  private final List<Thread> threads = new ArrayList<>();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final LongAdder ok = new LongAdder();
  private final List<String> failures = new CopyOnWriteArrayList<>();
  private final Map<String, Long> firstSeenNanos = new ConcurrentHashMap<>();
  private final List<Long> latencyMicros = new CopyOnWriteArrayList<>();
  private final AtomicLong lastBodyNanos = new AtomicLong();
  private volatile String lastBody = "";

  private HttpLoad(URI url) {
    this.url = url;
  }

  /**
   * @param pauseMillis between one thread's requests; 0 for back-to-back
   */
  public static HttpLoad start(URI url, int clients, long pauseMillis) {
    HttpLoad load = new HttpLoad(url);
    for (int i = 0; i < clients; i++) {
      Thread thread = new Thread(() -> load.loop(pauseMillis), "http-load-" + i);
      thread.setDaemon(true);
      load.threads.add(thread);
      thread.start();
    }
    return load;
  }

  private void loop(long pauseMillis) {
    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    while (running.get()) {
      long start = System.nanoTime();
      try {
        HttpResponse<String> response =
            http.send(
                HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(15)).build(),
                HttpResponse.BodyHandlers.ofString());
        long now = System.nanoTime();
        if (response.statusCode() == 200) {
          ok.increment();
          latencyMicros.add((now - start) / 1000);
          String body = response.body().strip();
          firstSeenNanos.putIfAbsent(body, now);
          lastBody = body;
          lastBodyNanos.set(now);
        } else if (running.get()) {
          failures.add(response.statusCode() + " " + response.body().strip());
        }
      } catch (java.io.IOException e) {
        if (running.get()) {
          failures.add(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (pauseMillis > 0) {
        try {
          Thread.sleep(pauseMillis);
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }

  public long ok() {
    return ok.sum();
  }

  public List<String> failures() {
    return List.copyOf(failures);
  }

  public String lastBody() {
    return lastBody;
  }

  /** Whether a body containing {@code text} was answered, and when first (nanoTime), or -1. */
  public long firstSeen(String text) {
    return firstSeenNanos.entrySet().stream()
        .filter(e -> e.getKey().contains(text))
        .mapToLong(Map.Entry::getValue)
        .min()
        .orElse(-1);
  }

  /** The latency percentile in milliseconds of the answered requests so far. */
  public double percentileMillis(double percentile) {
    List<Long> sorted = new ArrayList<>(latencyMicros);
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    sorted.sort(null);
    int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, index)) / 1000.0;
  }

  @Override
  public void close() throws InterruptedException {
    running.set(false);
    for (Thread thread : threads) {
      thread.join(20_000);
    }
  }
}
