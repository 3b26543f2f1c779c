package org.mecconpaas.it.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One measured window of closed-loop load on one URL: {@code clients} threads, each with its own
 * {@code HttpClient} (HTTP/1.1, one keep-alive connection), sending the next request as soon as the
 * last one is answered. All clients warm up together first (connections, opcache, JIT); only
 * requests sent after the warm-up count. Unlike the end-to-end tests' {@code HttpLoad}, which
 * counts from its start and keeps latencies in a list copied on every write, the cost per request
 * here stays the same however many requests a window holds, so a faster server is not slowed down
 * by its own client.
 */
final class PageLoad {

  /**
   * What the clients got in the window.
   *
   * @param sortedMicros latencies of the answered requests (status 200), send to last body byte
   * @param errors requests answered with another status, or not at all
   * @param seconds from the end of the warm-up to the last measured answer
   */
  record Window(long[] sortedMicros, long errors, String firstError, double seconds) {

    double requestsPerSecond() {
      return sortedMicros.length / seconds;
    }

    /** Nearest-rank percentile in milliseconds. */
    double percentileMillis(double p) {
      if (sortedMicros.length == 0) {
        return Double.NaN;
      }
      int rank = (int) Math.ceil(p / 100.0 * sortedMicros.length);
      return sortedMicros[Math.max(0, rank - 1)] / 1000.0;
    }
  }

  private PageLoad() {}

  static Window measure(URI url, int clients, Duration warmUp, Duration window)
      throws InterruptedException {
    long measureFrom = System.nanoTime() + warmUp.toNanos();
    long measureUntil = measureFrom + window.toNanos();
    List<Client> running = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      Client client = new Client(url, measureFrom, measureUntil);
      Thread thread = new Thread(client, "page-load-" + i);
      thread.setDaemon(true);
      client.thread = thread;
      running.add(client);
      thread.start();
    }
    long[] all = new long[0];
    long errors = 0;
    long lastAnswer = measureFrom;
    String firstError = null;
    for (Client client : running) {
      client.thread.join(warmUp.plus(window).plusSeconds(60).toMillis());
      if (client.thread.isAlive()) {
        client.thread.interrupt();
        throw new IllegalStateException("a load client hung: " + url);
      }
      int from = all.length;
      all = Arrays.copyOf(all, from + client.count);
      System.arraycopy(client.micros, 0, all, from, client.count);
      errors += client.errors;
      lastAnswer = Math.max(lastAnswer, client.lastAnswer);
      firstError = firstError == null ? client.firstError : firstError;
    }
    Arrays.sort(all);
    return new Window(all, errors, firstError, (lastAnswer - measureFrom) / 1e9);
  }

  /** One client thread; its fields are read after {@code join}, which makes them visible. */
  private static final class Client implements Runnable {
    private final URI url;
    private final long measureFrom;
    private final long measureUntil;
    private Thread thread;
    private long[] micros = new long[4096];
    private int count;
    private long errors;
    private long lastAnswer;
    private String firstError;

    Client(URI url, long measureFrom, long measureUntil) {
      this.url = url;
      this.measureFrom = measureFrom;
      this.measureUntil = measureUntil;
    }

    @Override
    public void run() {
      HttpClient http =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(5))
              .build();
      HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30)).build();
      for (long sent = System.nanoTime(); sent < measureUntil; sent = System.nanoTime()) {
        String error;
        try {
          HttpResponse<byte[]> response =
              http.send(request, HttpResponse.BodyHandlers.ofByteArray());
          error = response.statusCode() == 200 ? null : "HTTP " + response.statusCode();
        } catch (IOException e) {
          error = e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (InterruptedException e) {
          return;
        }
        long answered = System.nanoTime();
        if (sent >= measureFrom) {
          record(sent, answered, error);
        }
      }
    }

    private void record(long sent, long answered, String error) {
      lastAnswer = answered;
      if (error != null) {
        errors++;
        firstError = firstError == null ? error : firstError;
        return;
      }
      if (count == micros.length) {
        micros = Arrays.copyOf(micros, count * 2);
      }
      micros[count++] = (answered - sent) / 1000;
    }
  }
}
