package org.mecconpaas.agent.access;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * A real board's stations, from {@code hostapd_cli all_sta}: run when a heartbeat asks, at most
 * once per {@link #MIN_INTERVAL_MILLIS}. {@code since} is now minus hostapd's {@code
 * connected_time}; that figure has a resolution of one second, so a station keeps the {@code since}
 * it was first reported with while the two agree within {@link #SINCE_TOLERANCE_MILLIS}. When
 * hostapd cannot be asked, no station is reported (and the failure logged once).
 */
final class HostapdStations implements StationSource {
  private static final Logger LOG = Logger.getLogger(HostapdStations.class.getName());
  static final long MIN_INTERVAL_MILLIS = 1000;
  static final long SINCE_TOLERANCE_MILLIS = 2000;
  private static final long TIMEOUT_SECONDS = 3;
  private static final long MAX_OUTPUT_BYTES = 1 << 20;
  private static final long POLL_MILLIS = 10;

  /** Runs {@code all_sta} and returns its output; throws when hostapd cannot be asked. */
  interface Query {
    String allSta() throws IOException;
  }

  private final Query query;
  private final LongSupplier clock;
  private Map<String, Long> since = Map.of();
  private List<Station> last = List.of();
  private Long lastRun;
  private boolean failing;

  HostapdStations(Query query, LongSupplier clock) {
    this.query = query;
    this.clock = clock;
  }

  /** Asks {@code command} (e.g. {@code [hostapd_cli, -i, wlan0]}) with {@code all_sta} appended. */
  static HostapdStations of(List<String> command) {
    return new HostapdStations(() -> run(command), System::currentTimeMillis);
  }

  @Override
  public void planned(List<String> ids) {
    // the radio knows better than the mobility emulation
  }

  @Override
  public synchronized List<Station> current() {
    long now = clock.getAsLong();
    if (lastRun != null && now - lastRun < MIN_INTERVAL_MILLIS) {
      return last;
    }
    lastRun = now;
    try {
      last = update(HostapdStaParser.parse(query.allSta()), now);
      if (failing) {
        LOG.info("hostapd answers again");
      }
      failing = false;
    } catch (IOException e) {
      if (!failing) {
        LOG.warning("cannot list the access point's stations, reporting none: " + e.getMessage());
      }
      failing = true;
      since = Map.of();
      last = List.of();
    }
    return last;
  }

  private List<Station> update(List<HostapdStaParser.Sta> stas, long now) {
    Map<String, Long> next = new HashMap<>();
    List<Station> stations = new ArrayList<>(stas.size());
    for (HostapdStaParser.Sta sta : stas) {
      Long known = since.get(sta.mac());
      long joined =
          sta.connectedSeconds() < 0
              ? now
              : now - TimeUnit.SECONDS.toMillis(sta.connectedSeconds());
      if (known != null
          && (sta.connectedSeconds() < 0 || Math.abs(joined - known) <= SINCE_TOLERANCE_MILLIS)) {
        joined = known;
      }
      next.put(sta.mac(), joined);
      stations.add(new Station(sta.mac(), joined));
    }
    since = next;
    return List.copyOf(stations);
  }

  /**
   * Reads the pipe while polling for the end, so a hung hostapd_cli costs at most the timeout and
   * no thread of its own (and no file written on the SD card every heartbeat).
   */
  private static String run(List<String> command) throws IOException {
    List<String> full = new ArrayList<>(command);
    full.add("all_sta");
    Process process =
        new ProcessBuilder(full)
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    try (InputStream in = process.getInputStream()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
      byte[] buffer = new byte[4096];
      while (true) {
        int n = in.available() > 0 ? in.read(buffer) : 0;
        if (n > 0) {
          out.write(buffer, 0, n);
        } else if (!process.isAlive()) {
          out.write(in.readAllBytes()); // the rest; the pipe is at its end
          break;
        } else if (System.nanoTime() > deadline || out.size() > MAX_OUTPUT_BYTES) {
          throw new IOException(
              String.join(" ", full) + " did not finish in " + TIMEOUT_SECONDS + " s");
        } else {
          Thread.sleep(POLL_MILLIS);
        }
      }
      String text = out.toString(StandardCharsets.UTF_8);
      if (process.exitValue() != 0) {
        throw new IOException(
            String.join(" ", full) + " exited with " + process.exitValue() + ": " + text.strip());
      }
      return text;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while asking hostapd", e);
    } finally {
      process.destroyForcibly();
    }
  }
}
