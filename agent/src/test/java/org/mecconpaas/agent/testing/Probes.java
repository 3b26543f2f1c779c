package org.mecconpaas.agent.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.mecconpaas.agent.json.JsonMap;

/** Waiting for reports, reading files and processes, fetching pages. */
public final class Probes {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private Probes() {}

  /** Waits until the newest report shows the instance in {@code state}; returns that report. */
  public static JsonMap awaitState(FakeMaster master, String id, String state) {
    return await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> master.reported(id).filter(i -> i.string("state").equals(state)),
            Optional::isPresent)
        .orElseThrow();
  }

  /** The newest report of the instance, or an empty object before the first one. */
  public static JsonMap latest(FakeMaster master, String id) {
    return master.reported(id).orElse(new JsonMap(java.util.Map.of()));
  }

  /** A script's reported state, or "" when not reported yet. */
  public static String scriptState(JsonMap instance, String script) {
    return script(instance, script).string("state", "");
  }

  public static JsonMap script(JsonMap instance, String script) {
    return instance.object("scripts").object(script);
  }

  /** The body of {@code GET http://127.0.0.1:port/path}, or empty when nothing answers 200. */
  public static Optional<String> get(int port, String path) {
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                  .timeout(Duration.ofSeconds(2))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? Optional.of(response.body()) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  public static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "";
    }
  }

  public static long lines(Path file) {
    return read(file).lines().count();
  }

  /**
   * The PID written into a file by a script ({@code echo $$ > run.pid}). Waits for it: a script is
   * reported RUNNING as soon as it starts, which can be before its first line ran.
   */
  public static long pid(Path file) {
    org.awaitility.Awaitility.await("a PID in " + file)
        .atMost(java.time.Duration.ofSeconds(15))
        .until(() -> read(file).trim().matches("\\d+"));
    return Long.parseLong(read(file).trim());
  }

  public static boolean alive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)
        && !read(Path.of("/proc/" + pid + "/stat")).contains(") Z ");
  }

  /** The process group of a live process, from /proc. */
  public static long processGroup(long pid) {
    String stat = read(Path.of("/proc/" + pid + "/stat"));
    return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[2]);
  }
}
